using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ec2;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ec2;

public sealed class Ec2InstanceLowCpuTests
{
    private readonly Ec2InstanceLowCpu _check = new();

    private static AccountInventory WithCpu(double average, double peak, int missingDays = 0, int days = 14) => Inventory() with
    {
        Ec2Instances = [Instance("i-1", "m5.2xlarge", architecture: "x86_64")],
        Metrics =
        [
            Metric("i-1", MetricNames.Ec2Namespace, MetricNames.CpuUtilization, "Average", average: average, maximum: average + 1, missingDays: missingDays, days: days),
            Metric("i-1", MetricNames.Ec2Namespace, MetricNames.CpuUtilization, "Maximum", average: peak - 5, maximum: peak, missingDays: missingDays, days: days),
        ],
    };

    [Fact]
    public void Should_Report_When_Average_And_Peak_Stay_Low_Over_A_Complete_Window()
    {
        var finding = CheckRun.Single(_check, WithCpu(average: 3, peak: 22));

        Assert.Equal("3", finding.Evidence["cpu_average_percent"]);
        Assert.Equal("22", finding.Evidence["cpu_peak_percent"]);
        Assert.Null(finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_The_Peak_Is_High()
    {
        // A low average with a high Maximum is a bursty workload, not an oversized one
        Assert.Empty(CheckRun.Evaluate(_check, WithCpu(average: 3, peak: 95)).Findings);
    }

    [Fact]
    public void Should_Report_A_Gap_Not_A_Finding_When_Datapoints_Are_Missing()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, WithCpu(average: 3, peak: 22, missingDays: 2));

        Assert.Empty(findings);
        Assert.Contains("12 of 14", Assert.Single(gaps).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_A_Gap_When_The_Window_Is_Too_Short()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, WithCpu(average: 3, peak: 22, days: 7));

        Assert.Empty(findings);
        Assert.Contains("fewer than the 14 required", Assert.Single(gaps).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EvidenceNames.Ec2Instances)]
    [InlineData(EvidenceNames.CloudWatchMetrics)]
    public void Should_Report_Not_Evaluated_When_Evidence_Is_Missing(string collector) =>
        CheckRun.AssertNotEvaluatedWithout(_check, WithCpu(average: 3, peak: 22), collector);

    [Fact]
    public void Should_Surface_Gaps_Through_The_Engine_When_Evidence_Is_Incomplete()
    {
        var result = CheckRun.Engine(_check, WithCpu(average: 3, peak: 22, missingDays: 2), AllOk());

        Assert.Empty(result.Findings);
        var gap = Assert.Single(result.Coverage, c => c.Status == CheckCoverageStatus.EvidenceIncomplete);
        Assert.Equal("i-1", gap.ResourceId);
    }
}
