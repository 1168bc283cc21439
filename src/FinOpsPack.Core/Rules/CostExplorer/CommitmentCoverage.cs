using System.Globalization;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.CostExplorer;

/// <summary>Shared logic of the Savings Plans and Reserved Instance coverage checks.</summary>
internal static class CommitmentCoverage
{
    public const string Region = "global";

    public static IEnumerable<Finding> Evaluate(
        CheckContext context,
        CheckMetadata metadata,
        CoverageFigure? figure,
        string what,
        string resourceId,
        string cohActionType,
        decimal minCoveragePercent,
        decimal minOnDemandPerMonth)
    {
        if (context.Inventory.Cost is null || figure?.CoveragePercent is not { } coverage)
        {
            context.EvidenceIncomplete(Region, resourceId, $"Cost Explorer returned no {what} coverage figure");
            yield break;
        }

        var days = figure.PeriodEnd.DayNumber - figure.PeriodStart.DayNumber;
        decimal? onDemandPerMonth = figure.OnDemandCost is { } onDemand && days > 0
            ? Money.Round(onDemand / days * PriceSkus.DaysPerMonth)
            : null;
        if (coverage >= minCoveragePercent || onDemandPerMonth < minOnDemandPerMonth)
        {
            yield break;
        }

        var purchases = context.Inventory.CohRecommendations
            .Where(r => r.ActionType == cohActionType)
            .OrderByDescending(r => r.EstimatedMonthlySavings)
            .ToList();
        var currency = context.Currency;
        var evidence = new Dictionary<string, string>
        {
            ["coverage_percent"] = coverage.ToString("0.##", CultureInfo.InvariantCulture),
            ["period"] = $"{figure.PeriodStart:yyyy-MM-dd}..{figure.PeriodEnd:yyyy-MM-dd}",
            ["on_demand_cost"] = figure.OnDemandCost?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
            ["on_demand_per_month"] = onDemandPerMonth?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
        };
        if (purchases.Count > 0)
        {
            evidence[SavingsDeduplicator.LinkedCohRecommendations] = string.Join(",", purchases.Select(p => p.RecommendationId));
        }

        var onDemandText = onDemandPerMonth is { } perMonth ? string.Create(CultureInfo.InvariantCulture, $", {perMonth:0.00} {currency}/month on demand") : "";
        yield return metadata.CreateFinding(
            new FindingTarget(context.AccountId, Region, resourceId),
            purchases.Count > 0 ? $"Review Cost Optimization Hub's {purchases.Count} {what} purchase recommendation(s)" : $"Evaluate a {what} purchase",
            string.Create(CultureInfo.InvariantCulture, $"{what} coverage is {coverage:0.#}% (threshold {minCoveragePercent:0.#}%){onDemandText}"),
            purchases.Count > 0
                ? Savings.Unknown($"priced by Cost Optimization Hub's {what} purchase recommendation(s), which count in the total themselves", currency)
                : Savings.Unknown($"commitment savings depend on term and payment option; Cost Optimization Hub returned no {what} purchase recommendation (or is not enabled)", currency),
            evidence);
    }
}
