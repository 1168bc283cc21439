using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ebs;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ebs;

public sealed class EbsSnapshotOrphanedTests
{
    private readonly EbsSnapshotOrphaned _check = new();

    [Fact]
    public void Should_Price_Its_Full_Size_When_It_Is_The_Only_Snapshot_Of_A_Gone_Volume()
    {
        // 50 GiB stored × 0.05 USD (standard tier, us-east-1)
        var finding = CheckRun.Single(_check, Inventory() with { EbsSnapshots = [Snapshot("snap-1", "vol-gone")] });

        Assert.Equal(2.50m, finding.Savings.MonthlyAmount);
        Assert.Equal(SavingsSource.PriceTable, finding.Savings.Source);
    }

    [Fact]
    public void Should_Use_The_Archive_Rate_When_The_Snapshot_Is_Archived()
    {
        // 50 GiB × 0.0125
        var finding = CheckRun.Single(_check, Inventory() with { EbsSnapshots = [Snapshot("snap-1", tier: "archive")] });

        Assert.Equal(0.63m, finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Leave_The_Saving_Unknown_When_Other_Snapshots_Share_Its_Blocks()
    {
        var inventory = Inventory() with { EbsSnapshots = [Snapshot("snap-1"), Snapshot("snap-2")] };

        var (findings, _) = CheckRun.Evaluate(_check, inventory);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Null(f.Savings.MonthlyAmount));
        Assert.All(findings, f => Assert.Contains("incremental", f.Savings.Basis, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Not_Report_When_The_Volume_Exists_An_Ami_Uses_It_Or_It_Is_Young()
    {
        var inventory = Inventory() with
        {
            EbsVolumes = [Volume("vol-live")],
            EbsSnapshots = [Snapshot("snap-live", "vol-live"), Snapshot("snap-ami", "vol-gone-1"), Snapshot("snap-young", "vol-gone-2", ageDays: 10)],
            MachineImages = [Image("ami-1", ["snap-ami"])],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Theory]
    [InlineData(EvidenceNames.EbsSnapshots)]
    [InlineData(EvidenceNames.EbsVolumes)]
    [InlineData(EvidenceNames.MachineImages)]
    public void Should_Report_Not_Evaluated_When_Evidence_Is_Missing(string collector) =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { EbsSnapshots = [Snapshot()] }, collector);
}
