using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostOptimizationHub;

/// <summary>Cost Optimization Hub's own de-duplicated savings total, to cross-check the sum of the recommendations read.</summary>
public sealed class SummariesCollector : ICollector
{
    public const string GroupBy = "ResourceType";

    public string Name => "coh.summaries";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["cost-optimization-hub:ListRecommendationSummaries"];

    public IReadOnlyList<string> DependsOn { get; } = ["coh.enrollment"];

    public string Provides => "Cost Optimization Hub's de-duplicated savings total (cross-check)";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        EnrollmentGate.ThrowIfNotEnabled(context);
        var client = new CostOptimizationHubClient(context.Transport, context.Region);
        decimal? total = null;
        string? currency = null;
        var count = 0;
        await foreach (var page in client.ListRecommendationSummariesAsync(GroupBy, ct).ConfigureAwait(false))
        {
            total ??= page.EstimatedTotalDedupedSavings;
            currency ??= page.CurrencyCode;
            count += (page.Items ?? []).Sum(i => i.RecommendationCount ?? 0);
        }

        context.Inventory.Set(new CohSummary(total, currency, count));
    }
}
