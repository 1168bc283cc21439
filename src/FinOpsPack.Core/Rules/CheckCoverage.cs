namespace FinOpsPack.Core.Rules;

public enum CheckCoverageStatus
{
    /// <summary>The check ran on complete evidence: no finding there means clean.</summary>
    Evaluated,

    /// <summary>A required collector did not succeed: the check says nothing about this scope, which is not "clean".</summary>
    NotEvaluated,

    /// <summary>One resource could not be judged (e.g. an incomplete metric window).</summary>
    EvidenceIncomplete,

    /// <summary>The check itself failed.</summary>
    Failed,
}

/// <summary>What one check could say about one region (or one resource), shown beside the findings.</summary>
/// <param name="Region">A region, or <see cref="AllRegions"/> for a check that reads only account-wide evidence.</param>
/// <param name="ResourceId">Set for <see cref="CheckCoverageStatus.EvidenceIncomplete"/>.</param>
public sealed record CheckCoverage(
    string CheckId,
    string Region,
    CheckCoverageStatus Status,
    string Reason,
    string? ResourceId = null,
    int Findings = 0)
{
    public const string AllRegions = "*";
}
