using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Rds;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Rds;

public sealed class RdsSnapshotManualOldTests
{
    private readonly RdsSnapshotManualOld _check = new();

    [Fact]
    public void Should_Report_With_Unknown_Savings_When_A_Manual_Snapshot_Is_Old()
    {
        var finding = CheckRun.Single(_check, Inventory() with { RdsSnapshots = [DbSnapshot("manual-1", "db-gone", ageDays: 400)] });

        Assert.Null(finding.Savings.MonthlyAmount);
        Assert.Equal("false", finding.Evidence["source_instance_exists"]);
        Assert.Contains("(instance gone)", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Claim_The_Instance_Is_Gone_When_The_Instance_Listing_Failed()
    {
        var inventory = Inventory() with { RdsSnapshots = [DbSnapshot("manual-1", "db-1")] };

        var result = CheckRun.Engine(_check, inventory, AllOkExcept(EvidenceNames.RdsInstances));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("unknown", finding.Evidence["source_instance_exists"]);
    }

    [Fact]
    public void Should_Not_Report_When_Automated_Or_Recent()
    {
        var inventory = Inventory() with
        {
            RdsSnapshots = [DbSnapshot("auto-1", type: "automated"), DbSnapshot("manual-new", ageDays: 20)],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Snapshot_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { RdsSnapshots = [DbSnapshot()] }, EvidenceNames.RdsSnapshots);
}
