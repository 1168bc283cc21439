using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Pricing;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Rules;

/// <summary>Totals over the findings counted in the total (one per resource), monthly, annual and as a share of last month's spend.</summary>
internal static class SavingsTotalsCalculator
{
    public static SavingsTotals Compute(IReadOnlyList<Finding> findings, AccountInventory inventory, DateTimeOffset now)
    {
        var currency = inventory.Cost?.Currency ?? "USD";
        var counted = findings.Where(f => f.CountedInTotal && f.Savings.Source != SavingsSource.NotApplicable).ToList();
        var priced = counted.Where(f => f.Savings.MonthlyAmount is not null && f.Savings.Currency == currency).ToList();

        var monthly = priced.Sum(f => f.Savings.MonthlyAmount!.Value);
        var baseline = LastFullMonthSpend(inventory.Cost, now);
        var cohCounted = priced.Where(SavingsDeduplicator.IsCoh).ToList();

        return new SavingsTotals(
            currency,
            monthly,
            monthly * 12,
            baseline,
            baseline is > 0 ? Math.Round(monthly / baseline.Value, 4, MidpointRounding.AwayFromZero) : null,
            priced.Count,
            counted.Count - priced.Count,
            Sum(priced, f => f.Category.ToString()),
            Sum(priced, f => f.Service),
            inventory.CohSummary?.EstimatedTotalDedupedSavings,
            cohCounted.Count > 0 || inventory.CohSummary is not null ? Money.Round(cohCounted.Sum(f => f.Savings.MonthlyAmount!.Value)) : null);
    }

    /// <summary>
    /// Spend of the latest complete calendar month before <paramref name="now"/>: its "Total" line if Cost Explorer gave
    /// one, else the sum of its per-service lines. Null when no complete month is known.
    /// </summary>
    public static decimal? LastFullMonthSpend(CostBaseline? cost, DateTimeOffset now)
    {
        if (cost is null)
        {
            return null;
        }

        var utc = now.UtcDateTime;
        var currentMonth = new DateOnly(utc.Year, utc.Month, 1);
        var complete = cost.MonthlyByService
            .Where(a => a.PeriodStart.Day == 1 && a.PeriodEnd == a.PeriodStart.AddMonths(1) && a.PeriodEnd <= currentMonth)
            .ToList();
        if (complete.Count == 0)
        {
            return null;
        }

        var last = complete.Max(a => a.PeriodStart);
        var month = complete.Where(a => a.PeriodStart == last).ToList();
        return month.FirstOrDefault(a => a.Key == "Total") is { } total ? total.UnblendedCost : month.Sum(a => a.UnblendedCost);
    }

    private static Dictionary<string, decimal> Sum(List<Finding> findings, Func<Finding, string> key) =>
        findings.GroupBy(key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Savings.MonthlyAmount!.Value), StringComparer.Ordinal);
}
