namespace FinOpsPack.Core.Rules.CostExplorer;

public sealed class CeSavingsPlansCoverageLow : ICheck
{
    public static readonly CheckSetting<decimal> MinCoveragePercent = new(
        "ce_savings_plans_coverage_low.min_coverage_percent", 70m, "Savings Plans coverage (% of eligible spend) below which a finding is raised.");

    public static readonly CheckSetting<decimal> MinOnDemandPerMonth = new(
        "ce_savings_plans_coverage_low.min_on_demand_per_month", 100m, "Ignore accounts whose uncovered on-demand spend is below this a month.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ce_savings_plans_coverage_low",
        Title: "Low Savings Plans coverage of eligible compute spend",
        Service: "ce",
        ResourceType: "AWS::SavingsPlans::Coverage",
        Category: CheckCategory.Commitment,
        Severity: Severity.Medium,
        Description: "Steady compute spend paid at on-demand rates costs more than under a Savings Plan; Cost Explorer's coverage shows how much of the eligible spend is committed.",
        RequiredEvidence: [EvidenceNames.CeCoverage],
        SavingsMethod: "Not priced by this check: Cost Optimization Hub's PurchaseSavingsPlans recommendations price the purchase and count in the total themselves; this finding links to them.",
        Remediation: "Review the recommended commitment (term, payment option, hourly amount) against planned usage before purchasing; start below the recommendation if usage may fall.")
    {
        OptionalEvidence = [EvidenceNames.CohRecommendations],
        Settings = [MinCoveragePercent.Info, MinOnDemandPerMonth.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context) =>
        CommitmentCoverage.Evaluate(
            context,
            Metadata,
            context.Inventory.Cost?.SavingsPlansCoverage,
            "Savings Plans",
            "savings-plans-coverage",
            "PurchaseSavingsPlans",
            context.Settings.Get(MinCoveragePercent),
            context.Settings.Get(MinOnDemandPerMonth));
}
