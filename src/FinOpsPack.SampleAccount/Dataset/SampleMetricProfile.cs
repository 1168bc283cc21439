namespace FinOpsPack.SampleAccount.Dataset;

/// <summary>
/// Daily behaviour of one resource in CloudWatch. Null metrics are absent. <see cref="MissingDays"/> drops that many of
/// the most recent days, to model an incomplete evidence window.
/// </summary>
public sealed record SampleMetricProfile(
    double? CpuAveragePercent = null,
    double? CpuMaxPercent = null,
    double? NatBytesOutPerDay = null,
    double? DbConnectionsMax = null,
    double? VolumeOpsPerDay = null,
    int MissingDays = 0);
