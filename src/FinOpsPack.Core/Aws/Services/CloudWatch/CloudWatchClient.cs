using System.Text.RegularExpressions;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.CloudWatch;

/// <summary>
/// CloudWatch GetMetricData over the query protocol (Version 2010-08-01, signing name <c>monitoring</c>): the protocol the
/// service spoke alone until 2025 and still accepts. Lists are <c>MetricDataQueries.member.N</c>.
/// </summary>
public sealed partial class CloudWatchClient(IAwsTransport transport, string region)
{
    public const int MaxQueriesPerCall = 500;

    /// <summary>
    /// Every result part of every page for up to 500 queries over [<paramref name="startTime"/>, <paramref name="endTime"/>),
    /// oldest datapoints first. Parts of one query id may arrive on several pages.
    /// </summary>
    public IAsyncEnumerable<MetricDataResult> GetMetricDataAsync(
        IReadOnlyList<MetricDataQuery> queries, DateTimeOffset startTime, DateTimeOffset endTime, CancellationToken ct = default)
    {
        Validate(queries, startTime, endTime);
        return Paginator.PaginateAsync(
            (token, c) => GetMetricDataPageAsync(queries, startTime, endTime, token, c), p => p.NextToken, p => p.MetricDataResults, ct);
    }

    public Task<GetMetricDataPage> GetMetricDataPageAsync(
        IReadOnlyList<MetricDataQuery> queries, DateTimeOffset startTime, DateTimeOffset endTime, string? nextToken, CancellationToken ct)
    {
        Validate(queries, startTime, endTime);
        return QueryResponse.SendAsync(transport, Form(queries, startTime, endTime, nextToken), region, GetMetricDataPage.From, ct);
    }

    internal static QueryForm Form(IReadOnlyList<MetricDataQuery> queries, DateTimeOffset startTime, DateTimeOffset endTime, string? nextToken)
    {
        var form = new QueryForm(AwsService.CloudWatch, "GetMetricData");
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var p = $"MetricDataQueries.member.{i + 1}";
            form.Add(p + ".Id", q.Id)
                .Add(p + ".MetricStat.Metric.Namespace", q.Namespace)
                .Add(p + ".MetricStat.Metric.MetricName", q.MetricName);
            for (var d = 0; d < q.Dimensions.Count; d++)
            {
                form.Add($"{p}.MetricStat.Metric.Dimensions.member.{d + 1}.Name", q.Dimensions[d].Name)
                    .Add($"{p}.MetricStat.Metric.Dimensions.member.{d + 1}.Value", q.Dimensions[d].Value);
            }

            form.Add(p + ".MetricStat.Period", q.Period).Add(p + ".MetricStat.Stat", q.Stat);
        }

        return form.Add("StartTime", startTime).Add("EndTime", endTime).Add("ScanBy", "TimestampAscending").Add("NextToken", nextToken);
    }

    private static void Validate(IReadOnlyList<MetricDataQuery> queries, DateTimeOffset startTime, DateTimeOffset endTime)
    {
        if (queries.Count is 0 or > MaxQueriesPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(queries), queries.Count, $"GetMetricData takes 1–{MaxQueriesPerCall} queries");
        }

        if (endTime <= startTime)
        {
            throw new ArgumentException("EndTime must be after StartTime", nameof(endTime));
        }

        var duplicate = queries.GroupBy(q => q.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException("duplicate query id " + duplicate.Key, nameof(queries));
        }

        var bad = queries.FirstOrDefault(q => !QueryId().IsMatch(q.Id));
        if (bad is not null)
        {
            throw new ArgumentException("query ids start with a lower-case letter, then letters, digits or _: " + bad.Id, nameof(queries));
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,254}$")]
    private static partial Regex QueryId();
}
