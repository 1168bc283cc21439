using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ec2;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ec2;

public sealed class Ec2NatGatewayIdleTests
{
    private readonly Ec2NatGatewayIdle _check = new();

    private static Core.Inventory.AccountInventory WithBytes(double bytes, int missingDays = 0, int ageDays = 100) => Inventory() with
    {
        NatGateways = [Nat("nat-1", ageDays)],
        Metrics = [Metric("nat-1", MetricNames.NatNamespace, MetricNames.NatBytesOutToDestination, "Sum", sum: bytes, missingDays: missingDays)],
    };

    [Fact]
    public void Should_Price_The_Gateway_Hours_When_No_Byte_Passed_In_A_Complete_Window()
    {
        // 730 h × 0.045 USD
        var finding = CheckRun.Single(_check, WithBytes(0));

        Assert.Equal(32.85m, finding.Savings.MonthlyAmount);
        Assert.Contains("14/14 datapoints", finding.Evidence["bytes_out_to_destination"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Report_When_Traffic_Flows() =>
        Assert.Empty(CheckRun.Evaluate(_check, WithBytes(1_000)).Findings);

    [Fact]
    public void Should_Report_A_Gap_Not_Idle_When_The_Window_Is_Incomplete()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, WithBytes(0, missingDays: 3));

        Assert.Empty(findings);
        Assert.Contains("11 of 14 datapoints", Assert.Single(gaps).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_A_Gap_When_The_Gateway_Is_Younger_Than_The_Window()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, WithBytes(0, ageDays: 5));

        Assert.Empty(findings);
        Assert.Single(gaps);
    }

    [Fact]
    public void Should_Report_A_Gap_When_No_Metric_Was_Collected()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, Inventory() with { NatGateways = [Nat("nat-1")] });

        Assert.Empty(findings);
        Assert.Equal("nat-1", Assert.Single(gaps).ResourceId);
    }

    [Theory]
    [InlineData(EvidenceNames.NatGateways)]
    [InlineData(EvidenceNames.CloudWatchMetrics)]
    public void Should_Report_Not_Evaluated_When_Evidence_Is_Missing(string collector) =>
        CheckRun.AssertNotEvaluatedWithout(_check, WithBytes(0), collector);
}
