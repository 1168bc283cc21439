using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ebs;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ebs;

public sealed class EbsVolumeGp2ToGp3Tests
{
    private readonly EbsVolumeGp2ToGp3 _check = new();

    [Fact]
    public void Should_Save_The_Storage_Difference_When_The_Volume_Is_Small()
    {
        // 100 GiB: gp2 baseline 300 IOPS, within gp3's included 3000: 100 × (0.10 − 0.08)
        var finding = CheckRun.Single(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", 100)] });

        Assert.Equal(2.00m, finding.Savings.MonthlyAmount);
        Assert.Equal("Change to gp3 (3000 IOPS, 125 MiB/s)", finding.Action);
    }

    [Fact]
    public void Should_Buy_Back_Gp2_Performance_When_The_Volume_Is_Large()
    {
        // 2000 GiB: gp2 gives 6000 IOPS and 250 MiB/s; gp3 needs 3000 more IOPS and 125 more MiB/s
        // 2000 × 0.02 − 3000 × 0.005 − 125 × 0.04 = 40 − 15 − 5
        var finding = CheckRun.Single(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", 2000)] });

        Assert.Equal(20.00m, finding.Savings.MonthlyAmount);
        Assert.Equal("Change to gp3 (6000 IOPS, 250 MiB/s)", finding.Action);
    }

    [Fact]
    public void Should_Use_The_Regional_Rates_When_The_Volume_Is_Elsewhere()
    {
        // sa-east-1: 100 × (0.19 − 0.152)
        var finding = CheckRun.Single(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", 100, region: "sa-east-1")] });

        Assert.Equal(3.80m, finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_The_Volume_Is_Not_Gp2()
    {
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp3"), Volume("vol-2", "st1")] };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Volume_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { EbsVolumes = [Volume("vol-1", "gp2")] }, EvidenceNames.EbsVolumes);
}
