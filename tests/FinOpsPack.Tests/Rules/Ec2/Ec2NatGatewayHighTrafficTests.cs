using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ec2;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ec2;

public sealed class Ec2NatGatewayHighTrafficTests
{
    private const double GiB = 1024d * 1024 * 1024;

    private readonly Ec2NatGatewayHighTraffic _check = new();

    private static Core.Inventory.AccountInventory WithGiBPerDay(double gibPerDay) => Inventory() with
    {
        NatGateways = [Nat("nat-1")],
        Metrics = [Metric("nat-1", MetricNames.NatNamespace, MetricNames.NatBytesOutToDestination, "Sum", sum: gibPerDay * GiB * 14)],
    };

    [Fact]
    public void Should_Show_The_Processing_Charge_But_Not_Guess_The_Saving_When_Traffic_Is_Heavy()
    {
        // 100 GiB a day ≈ 3042 GiB a month × 0.045 USD = 136.89 USD of processing
        var finding = CheckRun.Single(_check, WithGiBPerDay(100));

        Assert.Null(finding.Savings.MonthlyAmount);
        Assert.Equal(SavingsSource.Unknown, finding.Savings.Source);
        Assert.Contains("3042 GB × 0.045 USD/GB", finding.Evidence["processing_charge"], StringComparison.Ordinal);
        Assert.Contains("136.89 USD/month", finding.Evidence["processing_charge"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Report_When_Traffic_Is_Light() =>
        Assert.Empty(CheckRun.Evaluate(_check, WithGiBPerDay(10)).Findings);

    [Fact]
    public void Should_Follow_The_Settings_When_The_Threshold_Is_Lowered()
    {
        var settings = CheckSettings.Parse("""{"ec2_nat_gateway_high_traffic.min_gib_per_month": 100}""");

        Assert.Single(CheckRun.Evaluate(_check, WithGiBPerDay(10), settings).Findings);
    }

    [Theory]
    [InlineData(EvidenceNames.NatGateways)]
    [InlineData(EvidenceNames.CloudWatchMetrics)]
    public void Should_Report_Not_Evaluated_When_Evidence_Is_Missing(string collector) =>
        CheckRun.AssertNotEvaluatedWithout(_check, WithGiBPerDay(100), collector);
}
