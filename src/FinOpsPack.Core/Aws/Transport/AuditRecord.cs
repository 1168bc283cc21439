namespace FinOpsPack.Core.Aws.Transport;

/// <summary>One line of audit.jsonl: one API call. Never a body, a credential or the External ID.</summary>
/// <param name="DurationMs">Wall time of the call including queueing and retry back-off.</param>
/// <param name="LatencyMs">Sum of the attempts' own round trips (what the call would cost done alone, without waiting).</param>
/// <param name="Collector">The collector that made the call, when one did.</param>
/// <param name="Account">The account the collector was reading, when one was.</param>
public sealed record AuditRecord(
    DateTimeOffset Time,
    string Service,
    string Operation,
    string Action,
    string Region,
    int HttpStatus,
    string? RequestId,
    int Attempts,
    int Throttles,
    double DurationMs,
    double LatencyMs,
    string? ErrorCode,
    string? Collector,
    string? Account = null);

/// <summary>The first line of audit.jsonl: who looked, with which scope.</summary>
public sealed record AuditHeader(
    string Record,
    string ToolVersion,
    string ReviewId,
    string? CallerArn,
    string RoleArn,
    string? AssumedRoleArn,
    string SessionName,
    string ExternalIdFingerprint,
    DateTimeOffset StartedAt);
