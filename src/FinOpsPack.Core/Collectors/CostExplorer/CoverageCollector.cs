using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostExplorer;

/// <summary>Savings Plans and Reserved Instance coverage of the last full month (two billed requests).</summary>
public sealed class CoverageCollector : ICollector
{
    /// <summary>Coverage of one month without GroupBy is a single item, so one page answers it.</summary>
    public const int PageSize = 20;

    public string Name => "ce.coverage";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["ce:GetSavingsPlansCoverage", "ce:GetReservationCoverage"];

    public string Provides => "Savings Plans and Reserved Instance coverage (commitment findings)";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new CostExplorerClient(context.Transport, context.Region);
        var thisMonth = CostExplorerQuery.FirstOfMonth(CostExplorerQuery.Today(context));
        var lastMonth = thisMonth.AddMonths(-1);
        var period = CostExplorerQuery.Interval(lastMonth, thisMonth);

        var savingsPlans = ReadOrNoteAsync(
            context, "Savings Plans", () => SavingsPlansAsync(client, period, lastMonth, thisMonth, ct));
        var reservations = ReadOrNoteAsync(
            context, "Reserved Instance", () => ReservationsAsync(client, period, lastMonth, thisMonth, ct));
        await Task.WhenAll(savingsPlans, reservations).ConfigureAwait(false);

        CostExplorerQuery.MergeBaseline(context, null, b => b with
        {
            SavingsPlansCoverage = savingsPlans.Result,
            ReservationCoverage = reservations.Result,
        });
    }

    private static async Task<CoverageFigure?> SavingsPlansAsync(
        CostExplorerClient client, DateInterval period, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var items = new List<SavingsPlansCoverageData>();
        await foreach (var item in client.GetSavingsPlansCoverageAsync(
            new GetSavingsPlansCoverageRequest(period, "MONTHLY", PageSize), ct).ConfigureAwait(false))
        {
            if (item.Coverage is { } coverage)
            {
                items.Add(coverage);
            }
        }

        const string op = "GetSavingsPlansCoverage";
        if (items.Count == 0)
        {
            return new CoverageFigure(start, end, null, null);
        }

        var onDemand = items.Sum(i => CostExplorerQuery.Amount(i.OnDemandCost, op) ?? 0m);
        if (items.Count == 1)
        {
            return new CoverageFigure(start, end, CostExplorerQuery.Amount(items[0].CoveragePercentage, op), onDemand);
        }

        var total = items.Sum(i => CostExplorerQuery.Amount(i.TotalCost, op) ?? 0m);
        var covered = items.Sum(i => CostExplorerQuery.Amount(i.SpendCoveredBySavingsPlans, op) ?? 0m);
        return new CoverageFigure(start, end, total == 0m ? null : Math.Round(covered / total * 100m, 2), onDemand);
    }

    private static async Task<CoverageFigure?> ReservationsAsync(
        CostExplorerClient client, DateInterval period, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var totals = new List<Coverage>();
        await foreach (var item in client.GetReservationCoverageAsync(
            new GetReservationCoverageRequest(period, "MONTHLY", PageSize), ct).ConfigureAwait(false))
        {
            if (item.Total is { } total)
            {
                totals.Add(total);
            }
        }

        const string op = "GetReservationCoverage";
        if (totals.Count == 0)
        {
            return new CoverageFigure(start, end, null, null);
        }

        var onDemand = totals.Sum(t => CostExplorerQuery.Amount(t.CoverageCost?.OnDemandCost, op) ?? 0m);
        if (totals.Count == 1)
        {
            return new CoverageFigure(start, end, CostExplorerQuery.Amount(totals[0].CoverageHours?.CoverageHoursPercentage, op), onDemand);
        }

        var running = totals.Sum(t => CostExplorerQuery.Amount(t.CoverageHours?.TotalRunningHours, op) ?? 0m);
        var reserved = totals.Sum(t => CostExplorerQuery.Amount(t.CoverageHours?.ReservedHours, op) ?? 0m);
        return new CoverageFigure(start, end, running == 0m ? null : Math.Round(reserved / running * 100m, 2), onDemand);
    }

    /// <summary>An account without the usage or history Cost Explorer needs answers DataUnavailable: noted, figure left null.</summary>
    private static async Task<CoverageFigure?> ReadOrNoteAsync(CollectorContext context, string what, Func<Task<CoverageFigure?>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "DataUnavailableException")
        {
            context.Note($"no {what} coverage data: {e.AwsMessage}");
            return null;
        }
    }
}
