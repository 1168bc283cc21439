using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Rds;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Rds;

public sealed class RdsInstanceGravitonCandidateTests
{
    private readonly RdsInstanceGravitonCandidate _check = new();

    [Fact]
    public void Should_Name_The_Graviton_Class_When_The_Engine_Supports_It()
    {
        var finding = CheckRun.Single(_check, Inventory() with { RdsInstances = [Database("db-1", "db.r5.2xlarge", "mysql")] });

        Assert.Equal("Move to db.r7g.2xlarge", finding.Action);
    }

    [Fact]
    public void Should_Not_Report_When_The_Engine_Has_No_Graviton_Classes_Or_It_Runs_Graviton()
    {
        var inventory = Inventory() with
        {
            RdsInstances = [Database("db-ora", "db.r5.large", "oracle-ee"), Database("db-arm", "db.r7g.large", "postgres")],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Instance_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { RdsInstances = [Database("db-1", "db.m5.large")] }, EvidenceNames.RdsInstances);
}
