using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ebs;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ebs;

public sealed class EbsVolumeUnattachedTests
{
    private readonly EbsVolumeUnattached _check = new();

    [Fact]
    public void Should_Price_The_Whole_Volume_When_It_Is_Unattached()
    {
        // Given a 100 GiB gp2 volume, available for 60 days
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", 100, state: "available")] };

        // When the check runs
        var finding = CheckRun.Single(_check, inventory);

        // Then the saving is 100 GB × 0.10 USD (us-east-1 gp2) from the price table
        Assert.Equal("vol-1", finding.ResourceId);
        Assert.Equal(10.00m, finding.Savings.MonthlyAmount);
        Assert.Equal(SavingsSource.PriceTable, finding.Savings.Source);
        Assert.Equal("USD", finding.Savings.Currency);
        Assert.Contains("100 GB × 0.1 USD/GB-month (ebs.gp2.storage, us-east-1, 2024-07-18)", finding.Savings.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Add_Provisioned_Iops_And_Throughput_When_The_Volume_Is_Gp3()
    {
        // Given an unattached 200 GiB gp3 with 6000 IOPS and 250 MiB/s
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp3", 200, state: "available", iops: 6000, throughput: 250)] };

        // When the check runs
        var finding = CheckRun.Single(_check, inventory);

        // Then 200 × 0.08 + 3000 × 0.005 + 125 × 0.04 = 16 + 15 + 5
        Assert.Equal(36.00m, finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Prefer_The_Resource_Level_Cost_When_Cost_Explorer_Has_It()
    {
        // Given the volume's actual cost over 14 days in Cost Explorer
        var cost = Cost(resourceCosts: [new("vol-1", "EC2 - Other", 7m, new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 22))]);
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", 100, state: "available")], Cost = cost };

        // When the check runs
        var finding = CheckRun.Single(_check, inventory);

        // Then 7 / 14 days × 30.4167 days a month
        Assert.Equal(SavingsSource.CostExplorerResourceCost, finding.Savings.Source);
        Assert.Equal(15.21m, finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_The_Volume_Is_Attached_Or_New()
    {
        var inventory = Inventory() with
        {
            EbsVolumes = [Volume("vol-attached", "gp2"), Volume("vol-new", "gp2", state: "available", ageDays: 2)],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Follow_The_Settings_When_The_Minimum_Age_Is_Raised()
    {
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", state: "available", ageDays: 20)] };
        var settings = CheckSettings.Parse("""{"ebs_volume_unattached": {"min_age_days": 30}}""");

        Assert.Empty(CheckRun.Evaluate(_check, inventory, settings).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Volume_Listing_Failed()
    {
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", state: "available")] };

        CheckRun.AssertNotEvaluatedWithout(_check, inventory, EvidenceNames.EbsVolumes);
    }

    [Fact]
    public void Should_Report_A_Gap_When_The_Creation_Time_Is_Unknown()
    {
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", state: "available") with { CreateTime = null }] };

        var (findings, gaps) = CheckRun.Evaluate(_check, inventory);

        Assert.Empty(findings);
        Assert.Equal("vol-1", Assert.Single(gaps).ResourceId);
    }
}
