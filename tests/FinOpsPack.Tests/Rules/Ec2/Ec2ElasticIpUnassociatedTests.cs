using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ec2;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ec2;

public sealed class Ec2ElasticIpUnassociatedTests
{
    private readonly Ec2ElasticIpUnassociated _check = new();

    [Fact]
    public void Should_Price_730_Idle_Hours_When_The_Address_Is_Unassociated()
    {
        // 730 h × 0.005 USD
        var finding = CheckRun.Single(_check, Inventory() with { ElasticIps = [ElasticIp("eipalloc-1")] });

        Assert.Equal("eipalloc-1", finding.ResourceId);
        Assert.Equal(3.65m, finding.Savings.MonthlyAmount);
        Assert.Contains("vpc.public_ipv4.idle", finding.Savings.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Report_When_The_Address_Is_Associated() =>
        Assert.Empty(CheckRun.Evaluate(_check, Inventory() with { ElasticIps = [ElasticIp("eipalloc-1", "eipassoc-1")] }).Findings);

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Address_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { ElasticIps = [ElasticIp()] }, EvidenceNames.ElasticIps);
}
