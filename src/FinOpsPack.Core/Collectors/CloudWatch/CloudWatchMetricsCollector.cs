using FinOpsPack.Core.Aws.Services.CloudWatch;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CloudWatch;

/// <summary>
/// Daily CloudWatch evidence for the region's running instances, RDS instances, NAT gateways and in-use volumes, over
/// <see cref="ScanSettings.MetricWindowDays"/> whole UTC days ending at the start of today. Stored as aggregates with the
/// count of datapoints found against the count expected, so a short record reads "incomplete" and is never filled in.
/// Batches of up to 500 queries are sent concurrently; each batch follows its NextToken pages.
/// </summary>
public sealed class CloudWatchMetricsCollector : ICollector
{
    /// <summary>StatusCode recorded for a query id the service did not answer at all.</summary>
    public const string NoResultStatus = "NoResult";

    public string Name => "cloudwatch.metrics";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["cloudwatch:GetMetricData"];

    public IReadOnlyList<string> DependsOn { get; } = ["ec2.instances", "ec2.nat-gateways", "ebs.volumes", "rds.instances"];

    public string Provides => "utilisation evidence (CPU, connections, NAT bytes, EBS operations) behind idle and rightsizing findings";

    /// <summary>Queries per GetMetricData call (at most 500).</summary>
    public int BatchSize { get; init; } = CloudWatchClient.MaxQueriesPerCall;

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var windowEnd = new DateTimeOffset(context.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var windowStart = windowEnd.AddDays(-Math.Max(1, context.Settings.MetricWindowDays));
        var inventory = context.Inventory;
        var plan = MetricPlan.For(
            context.Region, windowStart, windowEnd,
            inventory.List<Ec2Instance>(), inventory.List<RdsInstance>(), inventory.List<NatGateway>(), inventory.List<EbsVolume>());
        if (plan.Count == 0)
        {
            context.Note("no running instances, RDS instances, NAT gateways or in-use volumes to measure");
            return;
        }

        var client = new CloudWatchClient(context.Transport, context.Region);
        var batches = plan.Select((metric, index) => (metric, index)).Chunk(Math.Clamp(BatchSize, 1, CloudWatchClient.MaxQueriesPerCall));
        var results = await Task.WhenAll(batches.Select(batch => FetchAsync(client, batch, windowStart, windowEnd, ct))).ConfigureAwait(false);
        var parts = results.SelectMany(r => r).ToLookup(r => r.Id, StringComparer.Ordinal);

        for (var i = 0; i < plan.Count; i++)
        {
            var metric = plan[i];
            var answered = parts[QueryId(i)].ToList();
            var values = answered.SelectMany(r => r.Values).ToList();
            context.Inventory.Add(new MetricEvidence(
                context.Region, metric.ResourceId, metric.Namespace, metric.MetricName, metric.Statistic, MetricPlan.PeriodSeconds,
                windowStart, windowEnd, values.Count, metric.ExpectedDatapoints,
                values.Count == 0 ? null : values.Max(),
                values.Count == 0 ? null : values.Average(),
                metric.Statistic == "Sum" && values.Count > 0 ? values.Sum() : null,
                answered.Count == 0 ? NoResultStatus : answered[^1].StatusCode));
        }
    }

    private static async Task<List<MetricDataResult>> FetchAsync(
        CloudWatchClient client, (PlannedMetric Metric, int Index)[] batch, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var queries = batch.Select(b => new MetricDataQuery(
            QueryId(b.Index), b.Metric.Namespace, b.Metric.MetricName,
            [new MetricDimension(b.Metric.DimensionName, b.Metric.ResourceId)], MetricPlan.PeriodSeconds, b.Metric.Statistic)).ToList();
        var results = new List<MetricDataResult>();
        await foreach (var part in client.GetMetricDataAsync(queries, start, end, ct).ConfigureAwait(false))
        {
            results.Add(part);
        }

        return results;
    }

    private static string QueryId(int index) => "m" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
