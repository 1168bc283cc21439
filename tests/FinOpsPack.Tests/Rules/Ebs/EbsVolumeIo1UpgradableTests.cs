using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ebs;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ebs;

public sealed class EbsVolumeIo1UpgradableTests
{
    private readonly EbsVolumeIo1Upgradable _check = new();

    [Fact]
    public void Should_Propose_Gp3_When_The_Iops_Fit()
    {
        // io1 500 GiB, 10000 IOPS: 500 × 0.125 + 10000 × 0.065 = 712.50; gp3: 500 × 0.08 + 7000 × 0.005 = 75
        var finding = CheckRun.Single(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "io1", 500, iops: 10000)] });

        Assert.Equal(637.50m, finding.Savings.MonthlyAmount);
        Assert.Equal("gp3", finding.Evidence["target_type"]);
    }

    [Fact]
    public void Should_Propose_Io2_Tiers_When_The_Iops_Exceed_Gp3()
    {
        // 40000 IOPS: io1 40000 × 0.065 = 2600; io2 32000 × 0.065 + 8000 × 0.0455 = 2444; storage equal
        var finding = CheckRun.Single(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "io1", 500, iops: 40000)] });

        Assert.Equal(156.00m, finding.Savings.MonthlyAmount);
        Assert.Equal("io2", finding.Evidence["target_type"]);
    }

    [Fact]
    public void Should_Leave_The_Saving_Unknown_When_The_Io2_Price_Is_Unverified()
    {
        // sa-east-1 has no verified io2 rates in the table: unknown, never 0
        var finding = CheckRun.Single(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "io1", 500, iops: 40000, region: "sa-east-1")] });

        Assert.Null(finding.Savings.MonthlyAmount);
        Assert.Equal(SavingsSource.Unknown, finding.Savings.Source);
        Assert.Contains("ebs.io2.storage", finding.Savings.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Report_When_No_Volume_Is_Io1()
    {
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "io2", iops: 5000), Volume("vol-2", "gp3")] };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Volume_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "io1", iops: 4000)] }, EvidenceNames.EbsVolumes);
}
