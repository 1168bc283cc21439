using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.Rds;

/// <summary>
/// RDS over the query protocol (Version 2014-10-31). Lists in requests use the member locationName
/// (<c>Filters.Filter.1.Values.Value.1</c>); lists in responses are <c>&lt;DBInstances&gt;&lt;DBInstance&gt;</c>.
/// </summary>
public sealed class RdsClient(IAwsTransport transport, string region)
{
    /// <summary>RDS accepts MaxRecords 20–100.</summary>
    public const int MinRecords = 20;
    public const int MaxRecords = 100;

    public IAsyncEnumerable<DbInstance> DescribeDBInstancesAsync(
        IReadOnlyList<RdsFilter>? filters = null, int maxRecords = MaxRecords, CancellationToken ct = default) =>
        Paginator.PaginateAsync(
            (marker, c) => DescribeDBInstancesPageAsync(filters, maxRecords, marker, c), p => p.Marker, p => p.Items, ct);

    public async Task<RdsPage<DbInstance>> DescribeDBInstancesPageAsync(
        IReadOnlyList<RdsFilter>? filters, int maxRecords, string? marker, CancellationToken ct)
    {
        var (items, page) = await QueryResponse.SendPageAsync(
            transport, Form("DescribeDBInstances", filters, maxRecords, marker), region, "DBInstances", "DBInstance", DbInstance.From, ct)
            .ConfigureAwait(false);
        return new RdsPage<DbInstance>(items, page.Text("Marker"));
    }

    /// <param name="snapshotType">automated | manual | shared | public | awsbackup; null = AWS's default (automated and manual).</param>
    public IAsyncEnumerable<DbSnapshot> DescribeDBSnapshotsAsync(
        string? snapshotType = null, IReadOnlyList<RdsFilter>? filters = null, int maxRecords = MaxRecords, CancellationToken ct = default) =>
        Paginator.PaginateAsync(
            (marker, c) => DescribeDBSnapshotsPageAsync(snapshotType, filters, maxRecords, marker, c), p => p.Marker, p => p.Items, ct);

    public async Task<RdsPage<DbSnapshot>> DescribeDBSnapshotsPageAsync(
        string? snapshotType, IReadOnlyList<RdsFilter>? filters, int maxRecords, string? marker, CancellationToken ct)
    {
        var (items, page) = await QueryResponse.SendPageAsync(
            transport, Form("DescribeDBSnapshots", filters, maxRecords, marker).Add("SnapshotType", snapshotType), region,
            "DBSnapshots", "DBSnapshot", DbSnapshot.From, ct).ConfigureAwait(false);
        return new RdsPage<DbSnapshot>(items, page.Text("Marker"));
    }

    internal static QueryForm Form(string operation, IReadOnlyList<RdsFilter>? filters, int maxRecords, string? marker)
    {
        if (maxRecords is < MinRecords or > MaxRecords)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRecords), maxRecords, $"RDS accepts MaxRecords {MinRecords}–{MaxRecords}");
        }

        var form = new QueryForm(AwsService.Rds, operation);
        var i = 1;
        foreach (var filter in filters ?? [])
        {
            form.Add($"Filters.Filter.{i}.Name", filter.Name).AddList($"Filters.Filter.{i}.Values.Value", filter.Values);
            i++;
        }

        return form.Add("MaxRecords", maxRecords).Add("Marker", marker);
    }
}
