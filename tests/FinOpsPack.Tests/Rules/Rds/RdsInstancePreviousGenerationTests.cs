using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Rds;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Rds;

public sealed class RdsInstancePreviousGenerationTests
{
    private readonly RdsInstancePreviousGeneration _check = new();

    [Fact]
    public void Should_Report_When_The_Class_Is_Previous_Generation()
    {
        var finding = CheckRun.Single(_check, Inventory() with { RdsInstances = [Database("db-1", "db.m4.large")] });

        Assert.Equal("db-1", finding.ResourceId);
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:db:db-1", finding.ResourceArn);
        Assert.Null(finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_The_Class_Is_Current() =>
        Assert.Empty(CheckRun.Evaluate(_check, Inventory() with { RdsInstances = [Database("db-1", "db.m7g.large")] }).Findings);

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Instance_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { RdsInstances = [Database("db-1", "db.t2.small")] }, EvidenceNames.RdsInstances);
}
