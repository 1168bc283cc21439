using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.CostExplorer;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.CostExplorer;

public sealed class CeCostAnomalyDetectedTests
{
    private readonly CeCostAnomalyDetected _check = new();

    private static CostAnomaly Anomaly(string id, int endedDaysAgo, decimal impact) =>
        new(id, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-endedDaysAgo - 3), DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-endedDaysAgo),
            "Amazon Elastic Compute Cloud - Compute", "us-east-1", Account, "BoxUsage:p3.2xlarge", impact / 3, impact, 80m);

    [Fact]
    public void Should_Report_The_Impact_As_Context_Not_As_Savings_When_An_Anomaly_Is_Recent()
    {
        var inventory = Inventory() with { Cost = Cost(anomalies: [Anomaly("anom-1", 5, 612.40m)]) };

        var finding = CheckRun.Single(_check, inventory);

        Assert.Equal(SavingsSource.NotApplicable, finding.Savings.Source);
        Assert.Null(finding.Savings.MonthlyAmount);
        Assert.Contains("612.40 USD", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Report_When_The_Anomaly_Is_Old_Or_Small()
    {
        var inventory = Inventory() with { Cost = Cost(anomalies: [Anomaly("old", 60, 900m), Anomaly("small", 1, 2m)]) };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_Anomalies_Could_Not_Be_Read() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { Cost = Cost(anomalies: [Anomaly("anom-1", 5, 612.40m)]) }, EvidenceNames.CeAnomalies);
}
