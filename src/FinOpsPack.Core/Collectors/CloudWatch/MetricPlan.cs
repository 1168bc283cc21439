using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CloudWatch;

/// <summary>One metric series to read for one resource, and how many daily datapoints a full record has.</summary>
public sealed record PlannedMetric(
    string ResourceId, string Namespace, string MetricName, string DimensionName, string Statistic, int ExpectedDatapoints);

/// <summary>
/// Which CloudWatch series are evidence for which resources, over a window of whole UTC days. A resource created inside
/// the window is expected to have one datapoint per day from its creation day on (the creation day counts: CloudWatch
/// aggregates what there is); one created on the window's last instant or later is not measured.
/// </summary>
public static class MetricPlan
{
    public const int PeriodSeconds = 86_400;

    public static IReadOnlyList<PlannedMetric> For(
        string region,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        IEnumerable<Ec2Instance> instances,
        IEnumerable<RdsInstance> databases,
        IEnumerable<NatGateway> natGateways,
        IEnumerable<EbsVolume> volumes)
    {
        var plan = new List<PlannedMetric>();

        void Add(string id, DateTimeOffset? created, string ns, string dimension, params (string Metric, string Stat)[] series)
        {
            var expected = Expected(created, windowStart, windowEnd);
            if (expected > 0)
            {
                plan.AddRange(series.Select(s => new PlannedMetric(id, ns, s.Metric, dimension, s.Stat, expected)));
            }
        }

        foreach (var i in instances.Where(i => i.Region == region && i.State == "running").OrderBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            Add(i.InstanceId, i.LaunchTime, "AWS/EC2", "InstanceId", ("CPUUtilization", "Average"), ("CPUUtilization", "Maximum"));
        }

        foreach (var d in databases.Where(d => d.Region == region && d.Status is not ("stopped" or "stopping"))
                     .OrderBy(d => d.DbInstanceIdentifier, StringComparer.Ordinal))
        {
            Add(d.DbInstanceIdentifier, d.InstanceCreateTime, "AWS/RDS", "DBInstanceIdentifier",
                ("CPUUtilization", "Average"), ("CPUUtilization", "Maximum"), ("DatabaseConnections", "Maximum"));
        }

        foreach (var n in natGateways.Where(n => n.Region == region && n.State == "available").OrderBy(n => n.NatGatewayId, StringComparer.Ordinal))
        {
            Add(n.NatGatewayId, n.CreateTime, "AWS/NATGateway", "NatGatewayId", ("BytesOutToDestination", "Sum"));
        }

        foreach (var v in volumes.Where(v => v.Region == region && v.State == "in-use").OrderBy(v => v.VolumeId, StringComparer.Ordinal))
        {
            Add(v.VolumeId, v.CreateTime, "AWS/EBS", "VolumeId", ("VolumeReadOps", "Sum"), ("VolumeWriteOps", "Sum"));
        }

        return plan;
    }

    /// <summary>Whole days of the window the resource existed on (the day it was created included).</summary>
    public static int Expected(DateTimeOffset? created, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var days = (int)(windowEnd - windowStart).TotalDays;
        if (created is not { } c || c <= windowStart)
        {
            return days;
        }

        var createdDay = new DateTimeOffset(c.UtcDateTime.Date, TimeSpan.Zero);
        return Math.Max(0, (int)(windowEnd - createdDay).TotalDays);
    }
}
