namespace FinOpsPack.Core.Onboarding;

public enum AccessStatus
{
    /// <summary>AWS answered the call (or answered with an error it gives only to authorized callers).</summary>
    Permitted,

    /// <summary>AWS refused the call with an AccessDenied-family error.</summary>
    Denied,

    /// <summary>The call failed for another reason (throttled past retries, 5xx, unreachable endpoint, bad answer).</summary>
    Error,

    /// <summary>Not called: billed and not asked for, or nothing to call it on (no bucket, no cluster), or its prerequisite failed.</summary>
    NotChecked,
}

/// <summary>The outcome for one action, and what the report loses if it is not permitted.</summary>
/// <param name="Removes">The <c>Provides</c> of every collector that needs this action, as <c>name: provides</c>.</param>
public sealed record AccessCheckResult(
    string Action,
    string Call,
    AccessStatus Status,
    string Detail,
    bool Billed,
    IReadOnlyList<string> Removes,
    string? ErrorCode = null,
    string? RequestId = null);

/// <summary>All results of one access check, in the order of the policy.</summary>
public sealed record AccessReport(IReadOnlyList<AccessCheckResult> Results)
{
    public IEnumerable<AccessCheckResult> Denied => Results.Where(r => r.Status == AccessStatus.Denied);

    public IEnumerable<AccessCheckResult> Errors => Results.Where(r => r.Status == AccessStatus.Error);

    /// <summary>No action was refused and none failed: a scan with this role would collect everything its account has.</summary>
    public bool ScanWouldBeComplete => !Denied.Any() && !Errors.Any();
}
