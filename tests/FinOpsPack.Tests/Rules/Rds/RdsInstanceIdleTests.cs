using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Rds;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Rds;

public sealed class RdsInstanceIdleTests
{
    private readonly RdsInstanceIdle _check = new();

    private static AccountInventory WithConnections(double maximum, int missingDays = 0, bool multiAz = false, string engine = "postgres") => Inventory() with
    {
        RdsInstances = [Database("db-1", engine: engine, multiAz: multiAz)],
        Metrics = [Metric("db-1", MetricNames.RdsNamespace, MetricNames.DatabaseConnections, "Maximum", maximum: maximum, missingDays: missingDays)],
    };

    [Fact]
    public void Should_Report_A_Storage_Lower_Bound_When_No_Connection_Was_Seen()
    {
        // 100 GiB PostgreSQL gp2 Single-AZ × 0.115 USD; instance hours are not in the table
        var finding = CheckRun.Single(_check, WithConnections(0));

        Assert.Equal(11.50m, finding.Savings.MonthlyAmount);
        Assert.Contains("lower bound", finding.Savings.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Use_The_Multi_Az_Rate_When_The_Instance_Is_Multi_Az()
    {
        // 100 × 0.23
        Assert.Equal(23.00m, CheckRun.Single(_check, WithConnections(0, multiAz: true)).Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Leave_The_Saving_Unknown_When_The_Engine_Is_Not_In_The_Table()
    {
        var finding = CheckRun.Single(_check, WithConnections(0, engine: "sqlserver-se"));

        Assert.Null(finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Prefer_The_Actual_Cost_When_Cost_Explorer_Names_The_Instance()
    {
        var inventory = WithConnections(0) with
        {
            Cost = Cost(resourceCosts: [new("arn:aws:rds:us-east-1:123456789012:db:db-1", "Amazon RDS", 140m, new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 22))]),
        };

        var finding = CheckRun.Single(_check, inventory);

        // 140 / 14 × 30.4167
        Assert.Equal(SavingsSource.CostExplorerResourceCost, finding.Savings.Source);
        Assert.Equal(304.17m, finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_Connections_Were_Seen() =>
        Assert.Empty(CheckRun.Evaluate(_check, WithConnections(3)).Findings);

    [Fact]
    public void Should_Report_A_Gap_When_The_Window_Is_Incomplete()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, WithConnections(0, missingDays: 1));

        Assert.Empty(findings);
        Assert.Single(gaps);
    }

    [Theory]
    [InlineData(EvidenceNames.RdsInstances)]
    [InlineData(EvidenceNames.CloudWatchMetrics)]
    public void Should_Report_Not_Evaluated_When_Evidence_Is_Missing(string collector) =>
        CheckRun.AssertNotEvaluatedWithout(_check, WithConnections(0), collector);
}
