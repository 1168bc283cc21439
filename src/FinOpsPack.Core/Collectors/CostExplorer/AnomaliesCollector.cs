using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostExplorer;

/// <summary>Cost anomalies Cost Anomaly Detection found in the last 90 days (its retention), usually one billed request.</summary>
public sealed class AnomaliesCollector : ICollector
{
    public const int WindowDays = 90;
    public const int PageSize = 100;

    public string Name => "ce.anomalies";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["ce:GetAnomalies"];

    public string Provides => "cost anomalies of the last 90 days";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new CostExplorerClient(context.Transport, context.Region);
        var today = CostExplorerQuery.Today(context);
        var request = new GetAnomaliesRequest(
            new AnomalyDateInterval(CostExplorerQuery.Format(today.AddDays(-WindowDays)), CostExplorerQuery.Format(today)), PageSize);

        var anomalies = new List<CostAnomaly>();
        await foreach (var a in client.GetAnomaliesAsync(request, ct).ConfigureAwait(false))
        {
            var cause = a.RootCauses is { Count: > 0 } causes ? causes[0] : null;
            anomalies.Add(new CostAnomaly(
                a.AnomalyId,
                CostExplorerQuery.Date(a.AnomalyStartDate),
                CostExplorerQuery.Date(a.AnomalyEndDate),
                cause?.Service ?? a.DimensionValue,
                cause?.Region,
                cause?.LinkedAccount,
                cause?.UsageType,
                a.Impact?.MaxImpact ?? throw CostExplorerQuery.Malformed("GetAnomalies", $"anomaly {a.AnomalyId} has no Impact.MaxImpact"),
                a.Impact.TotalImpact,
                a.AnomalyScore?.MaxScore));
        }

        var ordered = anomalies.OrderBy(a => a.StartDate).ThenBy(a => a.AnomalyId, StringComparer.Ordinal).ToList();
        CostExplorerQuery.MergeBaseline(context, null, b => b with { Anomalies = ordered });
    }
}
