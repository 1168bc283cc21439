namespace FinOpsPack.Core.Collectors;

public enum CollectorStatus
{
    Ok,
    NotPermitted,
    NotEnabled,
    Failed,
    Skipped,
}

/// <summary>How one collector run (one region, or the account for global collectors) ended.</summary>
/// <param name="MissingAction">For <see cref="CollectorStatus.NotPermitted"/>: the denied IAM action.</param>
/// <param name="Reason">One line: the error code and message, or how to enable what is not enabled.</param>
public sealed record CollectorOutcome(
    string Collector,
    string? Region,
    CollectorStatus Status,
    string? MissingAction,
    string? Reason,
    IReadOnlyList<string> Notes,
    DateTimeOffset StartedAt,
    double DurationMs,
    int Requests,
    string Provides)
{
    public string Describe() => Status switch
    {
        CollectorStatus.Ok => "ok",
        CollectorStatus.NotPermitted => "not permitted: " + MissingAction,
        CollectorStatus.NotEnabled => "not enabled: " + Reason,
        CollectorStatus.Failed => "failed: " + Reason,
        _ => "skipped: " + Reason,
    };
}
