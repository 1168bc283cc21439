using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.CostExplorer;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.CostExplorer;

public sealed class CeSavingsPlansCoverageLowTests
{
    private readonly CeSavingsPlansCoverageLow _check = new();

    private static AccountInventory WithCoverage(decimal? percent, decimal onDemand = 3000m) => Inventory() with
    {
        Cost = Cost(savingsPlans: new CoverageFigure(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), percent, onDemand)),
    };

    [Fact]
    public void Should_Report_And_Link_Coh_Purchases_When_Coverage_Is_Low()
    {
        var inventory = WithCoverage(35m) with
        {
            CohRecommendations = [Coh("rec-sp-1", "123456789012", "PurchaseSavingsPlans", 400m, "ComputeSavingsPlans")],
        };

        var finding = CheckRun.Single(_check, inventory);

        Assert.Equal("rec-sp-1", finding.Evidence["coh_recommendation_ids"]);
        Assert.Equal("35", finding.Evidence["coverage_percent"]);
        Assert.Null(finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_Coverage_Is_High_Or_Spend_Small()
    {
        Assert.Empty(CheckRun.Evaluate(_check, WithCoverage(85m)).Findings);
        Assert.Empty(CheckRun.Evaluate(_check, WithCoverage(10m, onDemand: 20m)).Findings);
    }

    [Fact]
    public void Should_Report_A_Gap_When_Cost_Explorer_Gave_No_Figure()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, WithCoverage(null));

        Assert.Empty(findings);
        Assert.Single(gaps);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_Coverage_Could_Not_Be_Read() =>
        CheckRun.AssertNotEvaluatedWithout(_check, WithCoverage(35m), EvidenceNames.CeCoverage);
}
