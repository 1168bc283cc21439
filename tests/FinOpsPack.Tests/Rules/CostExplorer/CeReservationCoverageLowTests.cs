using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.CostExplorer;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.CostExplorer;

public sealed class CeReservationCoverageLowTests
{
    private readonly CeReservationCoverageLow _check = new();

    private static AccountInventory WithCoverage(decimal percent) => Inventory() with
    {
        Cost = Cost(reservations: new CoverageFigure(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), percent, 2000m)),
    };

    [Fact]
    public void Should_Report_Without_Pricing_It_When_No_Coh_Purchase_Exists()
    {
        var finding = CheckRun.Single(_check, WithCoverage(20m));

        Assert.Equal(SavingsSource.Unknown, finding.Savings.Source);
        Assert.False(finding.Evidence.ContainsKey("coh_recommendation_ids"));
        Assert.Equal("global", finding.Region);
    }

    [Fact]
    public void Should_Not_Report_When_Coverage_Is_High() =>
        Assert.Empty(CheckRun.Evaluate(_check, WithCoverage(90m)).Findings);

    [Fact]
    public void Should_Report_Not_Evaluated_When_Coverage_Could_Not_Be_Read() =>
        CheckRun.AssertNotEvaluatedWithout(_check, WithCoverage(20m), EvidenceNames.CeCoverage);
}
