using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Rds;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Rds;

public sealed class RdsInstanceMultiAzNonProductionTests
{
    private readonly RdsInstanceMultiAzNonProduction _check = new();

    [Fact]
    public void Should_Report_The_Storage_Difference_When_A_Staging_Database_Is_Multi_Az()
    {
        // 100 GiB PostgreSQL gp2: Multi-AZ 0.23 − Single-AZ 0.115 per GB-month
        var inventory = Inventory() with { RdsInstances = [Database("db-1", multiAz: true, tags: Tags(("Environment", "Staging")))] };

        var finding = CheckRun.Single(_check, inventory);

        Assert.Equal(11.50m, finding.Savings.MonthlyAmount);
        Assert.Equal("Environment=Staging", finding.Evidence["tag"]);
    }

    [Fact]
    public void Should_Take_Half_The_Actual_Cost_When_Cost_Explorer_Has_It()
    {
        var inventory = Inventory() with
        {
            RdsInstances = [Database("db-1", multiAz: true, tags: Tags(("env", "dev")))],
            Cost = Cost(resourceCosts: [new("arn:aws:rds:us-east-1:123456789012:db:db-1", "Amazon RDS", 280m, new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 22))]),
        };

        // 280 / 14 × 30.4167 × 50%
        Assert.Equal(304.17m, CheckRun.Single(_check, inventory).Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_Production_Or_Single_Az()
    {
        var inventory = Inventory() with
        {
            RdsInstances =
            [
                Database("db-prod", multiAz: true, tags: Tags(("Environment", "production"))),
                Database("db-dev", multiAz: false, tags: Tags(("Environment", "dev"))),
            ],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Follow_The_Settings_When_Tag_Keys_Are_Configured()
    {
        var inventory = Inventory() with { RdsInstances = [Database("db-1", multiAz: true, tags: Tags(("tier", "dev")))] };
        var settings = CheckSettings.Parse("""{"rds_instance_multi_az_non_production": {"tag_keys": ["tier"]}}""");

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
        Assert.Single(CheckRun.Evaluate(_check, inventory, settings).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Instance_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(
            _check, Inventory() with { RdsInstances = [Database("db-1", multiAz: true, tags: Tags(("env", "test")))] }, EvidenceNames.RdsInstances);
}
