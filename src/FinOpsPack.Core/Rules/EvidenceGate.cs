using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// Decides where a check may speak: in a region only if every collector it requires succeeded there (account-wide
/// collectors count for every region). Elsewhere its findings are withheld (a failed volume listing must not make every
/// snapshot look orphaned) and the region is marked not evaluated, so an empty result is never read as clean.
/// </summary>
internal sealed class EvidenceGate(IReadOnlyList<CollectorOutcome> outcomes, IReadOnlyList<string> regions)
{
    // Asked once per finding (100,000 of them at scale): answered once per check and region.
    private readonly Dictionary<(string CheckId, string Region), string?> _blockers = [];

    /// <summary>Why the check cannot judge <paramref name="region"/>, or null when it can.</summary>
    public string? Blocker(CheckMetadata check, string region)
    {
        if (!_blockers.TryGetValue((check.Id, region), out var blocker))
        {
            blocker = Compute(check, region);
            _blockers[(check.Id, region)] = blocker;
        }

        return blocker;
    }

    private string? Compute(CheckMetadata check, string region)
    {
        var reasons = check.RequiredEvidence
            .Select(c => Problem(c, EvidenceNames.ScopeOf(c) == CollectorScope.Global ? null : region))
            .OfType<string>()
            .ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>The scopes to report coverage for: every scanned region, or "*" when the check needs only account-wide evidence.</summary>
    public IReadOnlyList<string> Scopes(CheckMetadata check) =>
        check.RequiredEvidence.Any(c => EvidenceNames.ScopeOf(c) == CollectorScope.Regional)
            ? regions
            : [CheckCoverage.AllRegions];

    private string? Problem(string collector, string? region)
    {
        var runs = outcomes.Where(o => o.Collector == collector && (region is null || o.Region == region)).ToList();
        if (runs.Count == 0)
        {
            return $"{collector}: did not run" + (region is null ? "" : " in " + region);
        }

        var failed = runs.FirstOrDefault(o => o.Status != CollectorStatus.Ok);
        return failed is null ? null : $"{collector}: {failed.Describe()}";
    }
}
