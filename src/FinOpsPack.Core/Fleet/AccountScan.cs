using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Core.Fleet;

public enum AccountScanStatus
{
    /// <summary>Every collector that ran for the account succeeded (or found its feature not enabled).</summary>
    Scanned,

    /// <summary>Scanned, but some collectors failed or were not permitted.</summary>
    Partial,

    /// <summary>The account's role could not be assumed: a gap in the review, not a failure of the run.</summary>
    NotAssumed,

    /// <summary>The account's scan broke off.</summary>
    Failed,
}

/// <summary>One account of an organization-wide (or fleet) scan: how it ended and what it contributed.</summary>
/// <param name="Management">The account the organization-wide sources (Cost Explorer, Cost Optimization Hub, Organizations) were read from.</param>
/// <param name="MonthlySavings">Counted monthly savings of the account's findings; null when the findings were not evaluated.</param>
public sealed record AccountScan(
    string AccountId,
    string? Name,
    string RoleArn,
    bool Management,
    AccountScanStatus Status,
    string? Reason,
    IReadOnlyList<string> Regions,
    IReadOnlyList<CollectorOutcome> Collectors,
    int Findings,
    decimal? MonthlySavings,
    double DurationMs)
{
    public bool IsGap => Status is not AccountScanStatus.Scanned;
}
