using System.Text.Json.Serialization;

namespace FinOpsPack.Core.Aws.Services.CostExplorer;

/// <summary>Start inclusive, End exclusive, both <c>yyyy-MM-dd</c>.</summary>
public sealed record DateInterval(string Start, string End);

/// <param name="Type">DIMENSION | TAG | COST_CATEGORY.</param>
public sealed record GroupDefinition(string Type, string Key);

public sealed record DimensionValues(string Key, IReadOnlyList<string> Values);

/// <summary>The subset of Cost Explorer's filter expression the scanner sends.</summary>
public sealed record Expression(DimensionValues? Dimensions = null, IReadOnlyList<Expression>? And = null);

/// <summary>Input of GetCostAndUsage and GetCostAndUsageWithResources (which requires <see cref="Filter"/>).</summary>
public sealed record GetCostAndUsageRequest(
    DateInterval TimePeriod,
    string Granularity,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<GroupDefinition>? GroupBy = null,
    Expression? Filter = null,
    string? NextPageToken = null);

/// <summary>Cost Explorer sends amounts as decimal strings.</summary>
public sealed record MetricValue(string? Amount, string? Unit);

public sealed record CostGroup(IReadOnlyList<string>? Keys, IReadOnlyDictionary<string, MetricValue>? Metrics);

/// <param name="Total">Empty when the request groups (the figures are in <paramref name="Groups"/>).</param>
public sealed record ResultByTime(
    [property: JsonRequired] DateInterval TimePeriod,
    IReadOnlyDictionary<string, MetricValue>? Total,
    IReadOnlyList<CostGroup>? Groups,
    bool Estimated);

public sealed record GetCostAndUsageResponse(
    IReadOnlyList<ResultByTime>? ResultsByTime, IReadOnlyList<GroupDefinition>? GroupDefinitions, string? NextPageToken);

/// <param name="Metric">UPPER_SNAKE here (UNBLENDED_COST), unlike GetCostAndUsage's Metrics.</param>
public sealed record GetCostForecastRequest(DateInterval TimePeriod, string Metric, string Granularity, int? PredictionIntervalLevel = null);

public sealed record ForecastResult(
    DateInterval? TimePeriod, string? MeanValue, string? PredictionIntervalLowerBound, string? PredictionIntervalUpperBound);

public sealed record GetCostForecastResponse(MetricValue? Total, IReadOnlyList<ForecastResult>? ForecastResultsByTime);

/// <summary>Savings Plans coverage pages with NextToken/MaxResults, not NextPageToken.</summary>
public sealed record GetSavingsPlansCoverageRequest(DateInterval TimePeriod, string Granularity, int MaxResults, string? NextToken = null);

public sealed record SavingsPlansCoverageData(
    string? SpendCoveredBySavingsPlans, string? OnDemandCost, string? TotalCost, string? CoveragePercentage);

public sealed record SavingsPlansCoverage(
    IReadOnlyDictionary<string, string>? Attributes, SavingsPlansCoverageData? Coverage, DateInterval? TimePeriod);

public sealed record GetSavingsPlansCoverageResponse(IReadOnlyList<SavingsPlansCoverage>? SavingsPlansCoverages, string? NextToken);

public sealed record GetReservationCoverageRequest(DateInterval TimePeriod, string Granularity, int MaxResults, string? NextPageToken = null);

public sealed record CoverageHours(string? OnDemandHours, string? ReservedHours, string? TotalRunningHours, string? CoverageHoursPercentage);

public sealed record CoverageCost(string? OnDemandCost);

public sealed record Coverage(CoverageHours? CoverageHours, CoverageCost? CoverageCost);

public sealed record CoverageByTime(DateInterval? TimePeriod, Coverage? Total);

public sealed record GetReservationCoverageResponse(IReadOnlyList<CoverageByTime>? CoveragesByTime, Coverage? Total, string? NextPageToken);

/// <summary>Anomalies use StartDate/EndDate, not Start/End.</summary>
public sealed record AnomalyDateInterval(string StartDate, string? EndDate);

public sealed record GetAnomaliesRequest(AnomalyDateInterval DateInterval, int MaxResults, string? NextPageToken = null);

public sealed record RootCause(string? Service, string? Region, string? LinkedAccount, string? UsageType);

public sealed record AnomalyScore(decimal? MaxScore, decimal? CurrentScore);

public sealed record Impact(decimal? MaxImpact, decimal? TotalImpact, decimal? TotalActualSpend, decimal? TotalExpectedSpend);

public sealed record Anomaly(
    [property: JsonRequired] string AnomalyId,
    string? AnomalyStartDate,
    string? AnomalyEndDate,
    string? DimensionValue,
    IReadOnlyList<RootCause>? RootCauses,
    AnomalyScore? AnomalyScore,
    Impact? Impact,
    string? MonitorArn);

public sealed record GetAnomaliesResponse(IReadOnlyList<Anomaly>? Anomalies, string? NextPageToken);
