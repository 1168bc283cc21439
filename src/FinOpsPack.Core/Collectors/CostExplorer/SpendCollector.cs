using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostExplorer;

/// <summary>
/// The spend baseline in three billed requests: monthly by SERVICE and LINKED_ACCOUNT together (two group-bys, one
/// request; each split is summed out of it), monthly by REGION, and the daily total of the last 30 days. The months are
/// the last <see cref="ScanSettings.SpendHistoryMonths"/> full months plus month-to-date (Estimated).
/// </summary>
/// <remarks>
/// REGION is not in the GroupBy list of the API reference, but the service's own validation message lists it among the
/// accepted dimensions (aws/aws-sdk-java-v2#6144); should an account's Cost Explorer still refuse it, the region split is
/// left empty with a note and the rest of the baseline stands.
/// </remarks>
public sealed class SpendCollector : ICollector
{
    public string Name => "ce.spend";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["ce:GetCostAndUsage"];

    public string Provides => "monthly spend by service, account and region and the daily trend (the savings baseline)";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new CostExplorerClient(context.Transport, context.Region);
        var (byServiceAndAccountRequest, byRegionRequest, dailyRequest) = Requests(CostExplorerQuery.Today(context), context.Settings.SpendHistoryMonths);
        var byServiceAndAccount = ReadAsync(client.GetCostAndUsageAsync(byServiceAndAccountRequest, ct));
        var byRegion = ReadByRegionAsync(client, byRegionRequest, context, ct);
        var daily = ReadAsync(client.GetCostAndUsageAsync(dailyRequest, ct));
        await Task.WhenAll(byServiceAndAccount, byRegion, daily).ConfigureAwait(false);

        var all = byServiceAndAccount.Result.Concat(byRegion.Result).Concat(daily.Result).ToList();
        var currency = CostExplorerQuery.SingleUnit(all.SelectMany(Units), context);
        var monthlyByService = SumByKey(byServiceAndAccount.Result, keyIndex: 0);
        var monthlyByAccount = SumByKey(byServiceAndAccount.Result, keyIndex: 1);
        var monthlyByRegion = SumByKey(byRegion.Result, keyIndex: 0);
        var dailyTotal = daily.Result.Select(Total).ToList();

        CostExplorerQuery.MergeBaseline(context, currency, b => b with
        {
            Metrics = CostExplorerQuery.Metrics,
            MonthlyByService = monthlyByService,
            MonthlyByAccount = monthlyByAccount,
            MonthlyByRegion = monthlyByRegion,
            DailyTotal = dailyTotal,
        });
    }

    /// <summary>The three queries: months by SERVICE and LINKED_ACCOUNT, months by REGION, the last 30 days.</summary>
    internal static (GetCostAndUsageRequest ByServiceAndAccount, GetCostAndUsageRequest ByRegion, GetCostAndUsageRequest Daily) Requests(
        DateOnly today, int historyMonths)
    {
        var months = CostExplorerQuery.Interval(CostExplorerQuery.FirstOfMonth(today).AddMonths(-historyMonths), today);
        return (
            new GetCostAndUsageRequest(months, "MONTHLY", CostExplorerQuery.Metrics,
                [new GroupDefinition("DIMENSION", "SERVICE"), new GroupDefinition("DIMENSION", "LINKED_ACCOUNT")]),
            new GetCostAndUsageRequest(months, "MONTHLY", CostExplorerQuery.Metrics, [new GroupDefinition("DIMENSION", "REGION")]),
            new GetCostAndUsageRequest(CostExplorerQuery.Interval(today.AddDays(-30), today), "DAILY", CostExplorerQuery.Metrics));
    }

    private static async Task<List<ResultByTime>> ReadByRegionAsync(
        CostExplorerClient client, GetCostAndUsageRequest request, CollectorContext context, CancellationToken ct)
    {
        try
        {
            return await ReadAsync(client.GetCostAndUsageAsync(request, ct)).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ValidationException")
        {
            context.Note("Cost Explorer refused GroupBy REGION (" + e.AwsMessage + "); spend by region is not available");
            return [];
        }
    }

    private static async Task<List<ResultByTime>> ReadAsync(IAsyncEnumerable<ResultByTime> results)
    {
        var list = new List<ResultByTime>();
        await foreach (var r in results.ConfigureAwait(false))
        {
            list.Add(r);
        }

        return list;
    }

    private static IEnumerable<string?> Units(ResultByTime r) =>
        (r.Total?.Values ?? []).Concat((r.Groups ?? []).SelectMany(g => g.Metrics?.Values ?? [])).Select(m => m.Unit);

    /// <summary>
    /// Sums the groups of each period by one of their keys. A period may come back split over several pages (one
    /// TimePeriod, different groups), so amounts are added, never overwritten.
    /// </summary>
    private static List<CostAmount> SumByKey(IEnumerable<ResultByTime> results, int keyIndex)
    {
        var sums = new Dictionary<(DateOnly Start, DateOnly End, string Key), (decimal Unblended, decimal? Amortized, bool Estimated)>();
        foreach (var result in results)
        {
            var (start, end) = Period(result);
            foreach (var group in result.Groups ?? [])
            {
                var key = group.Keys is { } keys && keys.Count > keyIndex ? keys[keyIndex] : "";
                var (unblended, amortized) = Amounts(group.Metrics, "GetCostAndUsage");
                var slot = (start, end, key);
                sums[slot] = sums.TryGetValue(slot, out var s)
                    ? (s.Unblended + unblended, Add(s.Amortized, amortized), s.Estimated || result.Estimated)
                    : (unblended, amortized, result.Estimated);
            }
        }

        return [.. sums
            .OrderBy(s => s.Key.Start).ThenBy(s => s.Key.Key, StringComparer.Ordinal)
            .Select(s => new CostAmount(s.Key.Start, s.Key.End, s.Key.Key, s.Value.Unblended, s.Value.Amortized, s.Value.Estimated))];
    }

    private static CostAmount Total(ResultByTime result)
    {
        var (start, end) = Period(result);
        var (unblended, amortized) = Amounts(result.Total, "GetCostAndUsage");
        return new CostAmount(start, end, "Total", unblended, amortized, result.Estimated);
    }

    private static (DateOnly Start, DateOnly End) Period(ResultByTime result) =>
        (CostExplorerQuery.RequiredDate(result.TimePeriod.Start, "GetCostAndUsage"),
         CostExplorerQuery.RequiredDate(result.TimePeriod.End, "GetCostAndUsage"));

    /// <summary>A metric missing from a group means no cost of that kind (Cost Explorer omits nothing it has).</summary>
    private static (decimal Unblended, decimal? Amortized) Amounts(IReadOnlyDictionary<string, MetricValue>? metrics, string operation)
    {
        MetricValue? unblended = null;
        MetricValue? amortized = null;
        metrics?.TryGetValue(CostExplorerQuery.UnblendedCost, out unblended);
        metrics?.TryGetValue(CostExplorerQuery.AmortizedCost, out amortized);
        return (CostExplorerQuery.Amount(unblended?.Amount, operation) ?? 0m, CostExplorerQuery.Amount(amortized?.Amount, operation));
    }

    private static decimal? Add(decimal? a, decimal? b) => a is null && b is null ? null : (a ?? 0m) + (b ?? 0m);
}
