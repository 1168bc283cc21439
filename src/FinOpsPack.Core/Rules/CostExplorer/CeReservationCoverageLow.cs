namespace FinOpsPack.Core.Rules.CostExplorer;

public sealed class CeReservationCoverageLow : ICheck
{
    public static readonly CheckSetting<decimal> MinCoveragePercent = new(
        "ce_reservation_coverage_low.min_coverage_percent", 70m, "Reserved Instance coverage (% of running hours) below which a finding is raised.");

    public static readonly CheckSetting<decimal> MinOnDemandPerMonth = new(
        "ce_reservation_coverage_low.min_on_demand_per_month", 100m, "Ignore accounts whose on-demand cost of reservable usage is below this a month.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ce_reservation_coverage_low",
        Title: "Low Reserved Instance coverage of reservable usage",
        Service: "ce",
        ResourceType: "AWS::EC2::ReservedInstancesCoverage",
        Category: CheckCategory.Commitment,
        Severity: Severity.Medium,
        Description: "Reservable usage (RDS, ElastiCache, OpenSearch, Redshift, or EC2 without Savings Plans) running on demand costs more than reserved; Cost Explorer's coverage shows the share reserved.",
        RequiredEvidence: [EvidenceNames.CeCoverage],
        SavingsMethod: "Not priced by this check: Cost Optimization Hub's PurchaseReservedInstances recommendations price the purchase and count in the total themselves; this finding links to them.",
        Remediation: "Review the recommended reservations (instance family, term, payment option) against planned usage before purchasing.")
    {
        OptionalEvidence = [EvidenceNames.CohRecommendations],
        Settings = [MinCoveragePercent.Info, MinOnDemandPerMonth.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context) =>
        CommitmentCoverage.Evaluate(
            context,
            Metadata,
            context.Inventory.Cost?.ReservationCoverage,
            "Reserved Instance",
            "reservation-coverage",
            "PurchaseReservedInstances",
            context.Settings.Get(MinCoveragePercent),
            context.Settings.Get(MinOnDemandPerMonth));
}
