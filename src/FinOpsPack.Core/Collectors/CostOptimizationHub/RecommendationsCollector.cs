using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostOptimizationHub;

/// <summary>
/// Every Cost Optimization Hub recommendation, all pages, one per resource. AWS de-duplicates already
/// (includeAllRecommendations=false); should two still name one resource, the higher saving is kept and the drop noted,
/// so no resource is ever counted twice.
/// </summary>
public sealed class RecommendationsCollector : ICollector
{
    public string Name => "coh.recommendations";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["cost-optimization-hub:ListRecommendations"];

    public IReadOnlyList<string> DependsOn { get; } = ["coh.enrollment"];

    public string Provides => "Cost Optimization Hub recommendations and their estimated savings";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        EnrollmentGate.ThrowIfNotEnabled(context);
        var client = new CostOptimizationHubClient(context.Transport, context.Region);
        var byResource = new Dictionary<string, CohRecommendation>(StringComparer.Ordinal);
        var dropped = 0;
        await foreach (var item in client.ListRecommendationsAsync(ct).ConfigureAwait(false))
        {
            var recommendation = ToInventory(item);
            var key = recommendation.ResourceArn ?? recommendation.AccountId + "/" + recommendation.Region + "/" + recommendation.ResourceId;
            if (byResource.TryGetValue(key, out var kept))
            {
                dropped++;
                if (kept.EstimatedMonthlySavings >= recommendation.EstimatedMonthlySavings)
                {
                    continue;
                }
            }

            byResource[key] = recommendation;
        }

        if (dropped > 0)
        {
            context.Note($"{dropped} further recommendation(s) for an already recommended resource dropped (the higher saving is kept)");
        }

        context.Inventory.AddRange(byResource.Values);
    }

    // Low-cardinality fields are shared (TokenPool): 20,000 recommendations must not each hold their own "USD" or "Medium".
    public static CohRecommendation ToInventory(Recommendation r) => new(
        r.RecommendationId,
        TokenPool.Shared(r.AccountId) ?? "",
        TokenPool.Shared(r.Region) ?? "",
        r.ResourceId ?? "",
        r.ResourceArn is null ? null : WithoutVersionQualifier(r.ResourceArn),
        TokenPool.Shared(r.CurrentResourceType),
        TokenPool.Shared(r.RecommendedResourceType),
        TokenPool.Shared(r.ActionType) ?? "",
        r.EstimatedMonthlySavings ?? 0m,
        r.EstimatedSavingsPercentage,
        r.EstimatedMonthlyCost,
        TokenPool.Shared(r.CurrencyCode) ?? "",
        TokenPool.Shared(r.ImplementationEffort),
        r.RestartNeeded,
        r.RollbackPossible,
        TokenPool.Shared(r.CurrentResourceSummary),
        TokenPool.Shared(r.RecommendedResourceSummary),
        r.LastRefreshTimestamp,
        r.RecommendationLookbackPeriodInDays,
        TokenPool.Shared(r.Source));

    /// <summary>
    /// Cost Optimization Hub names Lambda functions by a qualified ARN (<c>…:function:name:$LATEST</c>, 7 colons) that
    /// matches nothing in the inventory; an ARN with 7 colons loses its last segment (cloud-custodian's lesson).
    /// </summary>
    public static string WithoutVersionQualifier(string arn) =>
        arn.Count(c => c == ':') == 7 ? arn[..arn.LastIndexOf(':')] : arn;
}
