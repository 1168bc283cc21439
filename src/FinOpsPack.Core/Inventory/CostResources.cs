namespace FinOpsPack.Core.Inventory;

/// <summary>Spend baseline from Cost Explorer. Amounts are in <see cref="Currency"/>; metric names as Cost Explorer spells them.</summary>
public sealed record CostBaseline(
    string Currency,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<CostAmount> MonthlyByService,
    IReadOnlyList<CostAmount> MonthlyByAccount,
    IReadOnlyList<CostAmount> MonthlyByRegion,
    IReadOnlyList<CostAmount> DailyTotal,
    CostForecast? Forecast,
    CoverageFigure? SavingsPlansCoverage,
    CoverageFigure? ReservationCoverage,
    IReadOnlyList<CostAnomaly> Anomalies,
    IReadOnlyList<ResourceCost>? ResourceCosts);

/// <param name="Key">The group key (service, account id or region); "Total" for ungrouped figures.</param>
/// <param name="Estimated">Cost Explorer's flag for periods that are not final (month-to-date).</param>
public sealed record CostAmount(DateOnly PeriodStart, DateOnly PeriodEnd, string Key, decimal UnblendedCost, decimal? AmortizedCost, bool Estimated);

public sealed record CostForecast(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Mean, decimal? Lower, decimal? Upper);

/// <param name="CoveragePercent">Percentage (0–100) of eligible spend or hours covered.</param>
public sealed record CoverageFigure(DateOnly PeriodStart, DateOnly PeriodEnd, decimal? CoveragePercent, decimal? OnDemandCost);

public sealed record CostAnomaly(
    string AnomalyId, DateOnly? StartDate, DateOnly? EndDate, string? Service, string? Region, string? LinkedAccount,
    string? UsageType, decimal MaxImpact, decimal? TotalImpact, decimal? MaxScore);

/// <summary>Actual cost of one resource from GetCostAndUsageWithResources over its window (last 14 days).</summary>
public sealed record ResourceCost(string ResourceId, string Service, decimal UnblendedCost, DateOnly PeriodStart, DateOnly PeriodEnd);
