using System.Globalization;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// The savings sources a check can use itself, in order of precedence after Cost Optimization Hub (which the engine
/// applies, since it spans checks): Cost Explorer's resource-level actual cost, then the price table, then unknown.
/// </summary>
public static class Savings
{
    public static SavingsEstimate Unknown(string basis, string currency = "USD") =>
        new(null, currency, SavingsSource.Unknown, basis);

    /// <summary>A risk, not a saving (governance).</summary>
    public static SavingsEstimate NotApplicable(string basis, string currency = "USD") =>
        new(null, currency, SavingsSource.NotApplicable, basis);

    /// <summary>The first candidate with a known amount; else the last unknown one (it says why).</summary>
    public static SavingsEstimate FirstKnown(params SavingsEstimate?[] candidates)
    {
        var present = candidates.OfType<SavingsEstimate>().ToList();
        return present.FirstOrDefault(c => c.MonthlyAmount is not null)
            ?? present.LastOrDefault()
            ?? Unknown("no savings source available");
    }

    /// <summary>
    /// <paramref name="share"/> of the resource's actual cost over Cost Explorer's resource-level window, scaled to a month;
    /// null when resource-level data is off or does not name the resource.
    /// </summary>
    public static SavingsEstimate? FromResourceCost(CheckContext context, decimal share, string what, params string?[] ids)
    {
        var costs = context.ResourceCostsFor(ids);
        if (costs.Count == 0)
        {
            return null;
        }

        var start = costs.Min(c => c.PeriodStart);
        var end = costs.Max(c => c.PeriodEnd);
        var days = end.DayNumber - start.DayNumber;
        if (days <= 0)
        {
            return null;
        }

        var actual = costs.Sum(c => c.UnblendedCost);
        var monthly = Money.Round(actual / days * PriceSkus.DaysPerMonth * share);
        var currency = context.Currency;
        var basis = string.Create(
            CultureInfo.InvariantCulture,
            $"Cost Explorer resource-level cost {actual:0.00} {currency} over {start:yyyy-MM-dd}..{end:yyyy-MM-dd} ({days} days) × {PriceSkus.DaysPerMonth:0.####} days/month × {share:0.##%} ({what}) = {monthly:0.00} {currency}/month");
        return new SavingsEstimate(monthly, currency, SavingsSource.CostExplorerResourceCost, basis);
    }
}
