namespace FinOpsPack.Core.Inventory;

/// <summary>
/// CloudWatch evidence for one resource and metric over a stated window, kept as aggregates (not the series).
/// <see cref="Complete"/> is false when datapoints are missing; checks then report "evidence incomplete", never guess.
/// </summary>
public sealed record MetricEvidence(
    string Region, string ResourceId, string Namespace, string MetricName, string Statistic, int PeriodSeconds,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, int Datapoints, int ExpectedDatapoints,
    double? Maximum, double? Average, double? Sum, string StatusCode)
{
    public bool Complete => StatusCode == "Complete" && Datapoints >= ExpectedDatapoints;
}
