using System.Globalization;

namespace FinOpsPack.Core.Rules.Ec2;

public sealed class Ec2InstanceLowCpu : ICheck
{
    public static readonly CheckSetting<decimal> MaxAveragePercent = new(
        "ec2_instance_low_cpu.max_average_percent", 10m, "Average CPU over the window below which an instance is oversized.");

    public static readonly CheckSetting<decimal> MaxPeakPercent = new(
        "ec2_instance_low_cpu.max_peak_percent", 40m, "Peak CPU (Maximum statistic) over the window must also stay below this.");

    public static readonly CheckSetting<int> MinWindowDays = new(
        "ec2_instance_low_cpu.min_window_days", 14, "Days of complete CPU evidence needed.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ec2_instance_low_cpu",
        Title: "Running EC2 instance with low CPU over a complete window",
        Service: "ec2",
        ResourceType: "AWS::EC2::Instance",
        Category: CheckCategory.Rightsizing,
        Severity: Severity.Medium,
        Description: "An instance whose CPU stays low on average and at its peak over weeks of complete CloudWatch data is larger than its workload.",
        RequiredEvidence: [EvidenceNames.Ec2Instances, EvidenceNames.CloudWatchMetrics],
        SavingsMethod: "Cost Optimization Hub's Rightsize estimate when it covers the instance; otherwise unknown (the right size depends on memory and network use, which CPU alone does not show).",
        Remediation: "Check memory and network use (CloudWatch agent / Compute Optimizer), then move to a smaller size or a burstable type.")
    {
        Settings = [MaxAveragePercent.Info, MaxPeakPercent.Info, MinWindowDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var maxAverage = (double)context.Settings.Get(MaxAveragePercent);
        var maxPeak = (double)context.Settings.Get(MaxPeakPercent);
        var minDays = context.Settings.Get(MinWindowDays);
        foreach (var instance in Ec2InstanceFacts.Running(context))
        {
            var cpu = MetricWindow.Require(
                context, instance.Region, instance.InstanceId, MetricNames.Ec2Namespace, MetricNames.CpuUtilization, "Average", minDays);
            if (cpu is null)
            {
                continue;
            }

            // The Maximum statistic series gives the true peak; without it, the highest period average is the best peak known.
            var peakSeries = context.Metric(instance.Region, instance.InstanceId, MetricNames.Ec2Namespace, MetricNames.CpuUtilization, "Maximum");
            var peakSource = peakSeries is { Statistic: "Maximum", Complete: true } ? peakSeries : cpu;
            if (cpu.Average is not { } average || peakSource.Maximum is not { } peak)
            {
                context.EvidenceIncomplete(instance.Region, instance.InstanceId, "CPU evidence has no average or maximum");
                continue;
            }

            if (average >= maxAverage || peak >= maxPeak)
            {
                continue;
            }

            yield return Metadata.CreateFinding(
                Ec2InstanceFacts.Target(instance),
                "Rightsize to a smaller instance",
                string.Create(CultureInfo.InvariantCulture, $"{instance.InstanceType} averaged {average:0.#}% CPU (peak {peak:0.#}%) over {MetricWindow.Days(cpu):0} days"),
                Savings.Unknown("the target size needs memory and network evidence; Cost Optimization Hub prices this when it covers the instance"),
                new Dictionary<string, string>
                {
                    ["instance_type"] = instance.InstanceType,
                    ["cpu"] = MetricWindow.Describe(cpu),
                    ["cpu_peak_source"] = MetricWindow.Describe(peakSource),
                    ["cpu_average_percent"] = average.ToString("0.##", CultureInfo.InvariantCulture),
                    ["cpu_peak_percent"] = peak.ToString("0.##", CultureInfo.InvariantCulture),
                });
        }
    }
}
