using System.Globalization;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// Judging on CloudWatch evidence only over a complete window: a missing, partial or too short window is reported as
/// an evidence gap for the resource, never read as "idle" or "busy".
/// </summary>
internal static class MetricWindow
{
    public static MetricEvidence? Require(
        CheckContext context, string region, string resourceId, string metricNamespace, string metricName, string? statistic, int minDays)
    {
        var metric = context.Metric(region, resourceId, metricNamespace, metricName, statistic);
        if (metric is null)
        {
            context.EvidenceIncomplete(region, resourceId, $"no {metricNamespace} {metricName} evidence was collected");
            return null;
        }

        if (!metric.Complete)
        {
            context.EvidenceIncomplete(
                region,
                resourceId,
                $"{metricName} evidence incomplete: {metric.Datapoints} of {metric.ExpectedDatapoints} datapoints"
                    + (metric.StatusCode == "Complete" ? "" : $" (CloudWatch status {metric.StatusCode})"));
            return null;
        }

        if (Days(metric) < minDays)
        {
            context.EvidenceIncomplete(region, resourceId, $"{metricName} evidence covers {Days(metric):0.#} days, fewer than the {minDays} required");
            return null;
        }

        return metric;
    }

    /// <summary>
    /// Days the evidence covers: the window, or less when the resource was created inside it (the collector then expects
    /// fewer datapoints, so a young resource is "complete" over a short span that must not pass for a full window).
    /// </summary>
    public static double Days(MetricEvidence metric) =>
        Math.Min((metric.WindowEnd - metric.WindowStart).TotalDays, metric.ExpectedDatapoints * (double)metric.PeriodSeconds / 86_400);

    /// <summary>e.g. <c>CPUUtilization Average, 2026-11-08..2026-11-22 (14 days, 336/336 datapoints)</c>.</summary>
    public static string Describe(MetricEvidence m) => string.Create(
        CultureInfo.InvariantCulture,
        $"{m.MetricName} {m.Statistic}, {m.WindowStart:yyyy-MM-dd}..{m.WindowEnd:yyyy-MM-dd} ({Days(m):0.#} days, {m.Datapoints}/{m.ExpectedDatapoints} datapoints)");
}
