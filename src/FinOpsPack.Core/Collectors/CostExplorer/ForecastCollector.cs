using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostExplorer;

/// <summary>Cost Explorer's forecast of unblended cost from today to the end of this month (one billed request).</summary>
public sealed class ForecastCollector : ICollector
{
    public const int PredictionIntervalLevel = 80;

    public string Name => "ce.forecast";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["ce:GetCostForecast"];

    public string Provides => "this month's spend forecast";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new CostExplorerClient(context.Transport, context.Region);
        var today = CostExplorerQuery.Today(context);
        var monthEnd = CostExplorerQuery.FirstOfMonth(today).AddMonths(1);
        GetCostForecastResponse response;
        try
        {
            response = await client.GetCostForecastAsync(
                new GetCostForecastRequest(CostExplorerQuery.Interval(today, monthEnd), "UNBLENDED_COST", "MONTHLY", PredictionIntervalLevel),
                ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "DataUnavailableException")
        {
            // New accounts have too little history to forecast: a fact about the account, not a failure of the scan.
            context.Note("no forecast: " + e.AwsMessage);
            return;
        }

        var results = response.ForecastResultsByTime ?? [];
        var mean = CostExplorerQuery.Amount(response.Total?.Amount, "GetCostForecast")
            ?? results.Sum(r => CostExplorerQuery.Amount(r.MeanValue, "GetCostForecast") ?? 0m);
        var forecast = new CostForecast(
            today,
            monthEnd,
            mean,
            SumBound(results.Select(r => r.PredictionIntervalLowerBound)),
            SumBound(results.Select(r => r.PredictionIntervalUpperBound)));
        CostExplorerQuery.MergeBaseline(context, response.Total?.Unit, b => b with { Forecast = forecast });
    }

    private static decimal? SumBound(IEnumerable<string?> bounds)
    {
        var values = bounds.Select(b => CostExplorerQuery.Amount(b, "GetCostForecast")).ToList();
        return values.Count == 0 || values.Any(v => v is null) ? null : values.Sum(v => v!.Value);
    }
}
