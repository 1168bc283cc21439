using System.Globalization;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Rules.CostOptimizationHub;

public sealed class CohRecommendationOpen : ICheck
{
    public const string CheckId = "coh_recommendation_open";

    public CheckMetadata Metadata { get; } = new(
        Id: CheckId,
        Title: "Cost Optimization Hub recommendation",
        Service: "cost-optimization-hub",
        ResourceType: "AWS::CostOptimizationHub::Recommendation",
        Category: CheckCategory.Rightsizing,
        Severity: Severity.Medium,
        Description: "Each open Cost Optimization Hub recommendation with AWS's own estimate; its category follows the action (Delete/Stop: waste, Upgrade/Graviton: modernization, Purchase: commitment). Per resource only the highest counts.",
        RequiredEvidence: [EvidenceNames.CohRecommendations],
        SavingsMethod: "Cost Optimization Hub's estimatedMonthlySavings for the recommendation (its savings estimation mode: before or after discounts), with its implementation effort, restart and rollback flags.",
        Remediation: "Follow the recommendation in the Cost Optimization Hub console; it links to the Compute Optimizer or Cost Explorer detail behind it.")
    {
        OptionalEvidence = [EvidenceNames.CohSummaries],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var mode = context.Inventory.CohPreferences?.SavingsEstimationMode;
        var perAction = context.Inventory.CohRecommendations.CountBy(r => (r.AccountId, r.Region, r.ResourceId, r.ActionType)).ToDictionary();
        foreach (var rec in context.Inventory.CohRecommendations)
        {
            // One finding per resource and action keeps ids stable across COH refreshes; several of one action need the recommendation id.
            var discriminator = perAction[(rec.AccountId, rec.Region, rec.ResourceId, rec.ActionType)] == 1
                ? rec.ActionType
                : rec.ActionType + "#" + rec.RecommendationId;
            var action = (rec.CurrentResourceSummary, rec.RecommendedResourceSummary) switch
            {
                ({ Length: > 0 } from, { Length: > 0 } to) => $"{rec.ActionType}: {from} → {to}",
                ({ Length: > 0 } from, _) => $"{rec.ActionType}: {from}",
                _ => rec.ActionType,
            };
            var finding = Metadata.CreateFinding(
                new FindingTarget(rec.AccountId, rec.Region, rec.ResourceId, rec.ResourceArn),
                action,
                Summary(rec),
                new SavingsEstimate(rec.EstimatedMonthlySavings, rec.CurrencyCode, SavingsSource.CostOptimizationHub, Basis(rec, mode), rec.ImplementationEffort, rec.RestartNeeded, rec.RollbackPossible),
                Evidence(rec),
                idDiscriminator: discriminator);
            yield return finding with
            {
                Category = CategoryOf(rec.ActionType),
                Service = ServiceOf(rec.CurrentResourceType),
                ResourceType = rec.CurrentResourceType ?? "Unknown",
            };
        }
    }

    public static CheckCategory CategoryOf(string actionType) => actionType switch
    {
        "Stop" or "Delete" => CheckCategory.Waste,
        "Upgrade" or "MigrateToGraviton" => CheckCategory.Modernization,
        "PurchaseSavingsPlans" or "PurchaseReservedInstances" => CheckCategory.Commitment,
        _ => CheckCategory.Rightsizing,
    };

    private static string ServiceOf(string? resourceType) => resourceType switch
    {
        null => "unknown",
        "EbsVolume" => "ebs",
        "LambdaFunction" => "lambda",
        "EcsService" => "ecs",
        "NatGateway" or "Ec2ReservedInstances" or "Ec2AutoScalingGroup" or "Ec2Instance" => "ec2",
        _ when resourceType.Contains("SavingsPlans", StringComparison.Ordinal) => "savingsplans",
        _ when resourceType.StartsWith("Rds", StringComparison.Ordinal) => "rds",
        _ => resourceType.ToLowerInvariant(),
    };

    private static string Summary(CohRecommendation rec)
    {
        var target = rec.CurrentResourceType is null ? rec.ResourceId : $"{rec.CurrentResourceType} {rec.ResourceId}";
        return string.Create(CultureInfo.InvariantCulture, $"{rec.ActionType} {target}: {rec.EstimatedMonthlySavings:0.00} {rec.CurrencyCode}/month per Cost Optimization Hub");
    }

    private static string Basis(CohRecommendation rec, string? mode)
    {
        var parts = new List<string> { $"Cost Optimization Hub estimate (source {rec.Source ?? "unknown"}" };
        if (rec.LookbackPeriodInDays is { } days)
        {
            parts.Add($"{days}-day lookback");
        }

        if (rec.LastRefreshTimestamp is { } refreshed)
        {
            parts.Add("refreshed " + refreshed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (mode is not null)
        {
            parts.Add("estimated " + mode);
        }

        var text = string.Join(", ", parts) + ")";
        return rec.EstimatedMonthlyCost is { } cost && rec.EstimatedSavingsPercentage is { } pct
            ? text + string.Create(CultureInfo.InvariantCulture, $": {pct:0.#}% of {cost:0.00} {rec.CurrencyCode}/month")
            : text;
    }

    private static Dictionary<string, string> Evidence(CohRecommendation rec)
    {
        var evidence = new Dictionary<string, string>
        {
            [SavingsDeduplicator.CohRecommendationId] = rec.RecommendationId,
            ["action_type"] = rec.ActionType,
            ["current_resource_type"] = rec.CurrentResourceType ?? "",
            ["recommended_resource_type"] = rec.RecommendedResourceType ?? "",
            ["current_resource_summary"] = rec.CurrentResourceSummary ?? "",
            ["recommended_resource_summary"] = rec.RecommendedResourceSummary ?? "",
            ["implementation_effort"] = rec.ImplementationEffort ?? "",
            ["restart_needed"] = rec.RestartNeeded?.ToString() ?? "",
            ["rollback_possible"] = rec.RollbackPossible?.ToString() ?? "",
        };
        return evidence;
    }
}
