using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Fleet;

public enum FindingChange
{
    New,
    Resolved,
    Changed,
}

/// <summary>One finding that differs from the previous run (matched by its stable id).</summary>
/// <param name="MonthlySavings">The counted monthly saving now (0 for a resolved finding).</param>
/// <param name="PreviousMonthlySavings">The counted monthly saving in the previous run (0 for a new finding).</param>
public sealed record FindingDelta(
    FindingChange Change,
    string FindingId,
    string CheckId,
    string Title,
    string AccountId,
    string Region,
    string ResourceId,
    string Action,
    string? PreviousAction,
    decimal MonthlySavings,
    decimal PreviousMonthlySavings)
{
    public decimal SavingsDelta => MonthlySavings - PreviousMonthlySavings;
}

/// <summary>
/// "Since the last run": findings new, resolved and changed (savings or action differ) against a baseline scan.json.
/// Amounts are counted monthly savings (a finding whose saving another finding carries counts 0; unknown counts 0).
/// </summary>
/// <param name="NewMonthlySavings">New waste: the savings of new findings plus the increases of changed ones (what <c>--fail-on-new-savings</c> compares).</param>
/// <param name="MonthlySavingsDelta">Counted monthly savings now minus in the baseline.</param>
/// <param name="NotRescanned">Baseline findings in accounts this run could not scan: neither resolved nor kept.</param>
public sealed record ScanDiff(
    string BaselineReviewId,
    DateTimeOffset BaselineStartedAt,
    int New,
    int Resolved,
    int Changed,
    int Unchanged,
    int NotRescanned,
    decimal NewMonthlySavings,
    decimal ResolvedMonthlySavings,
    decimal MonthlySavingsDelta,
    string Currency,
    IReadOnlyList<FindingDelta> Findings);

public static class ScanDiffer
{
    public static ScanDiff Compare(Scanning.ScanResult baseline, Scanning.ScanResult current)
    {
        var unreachable = (current.Accounts ?? [])
            .Where(a => a.Status is AccountScanStatus.NotAssumed or AccountScanStatus.Failed)
            .Select(a => a.AccountId)
            .ToHashSet(StringComparer.Ordinal);
        var before = baseline.Findings.Where(f => !unreachable.Contains(f.AccountId)).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var notRescanned = baseline.Findings.Count - before.Count;
        var now = current.Findings.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var deltas = new List<FindingDelta>();
        var unchanged = 0;
        foreach (var (id, f) in now)
        {
            if (!before.TryGetValue(id, out var old))
            {
                deltas.Add(Delta(FindingChange.New, f, null));
            }
            else if (old.Savings.MonthlyAmount != f.Savings.MonthlyAmount || Counted(old) != Counted(f) || old.Action != f.Action)
            {
                deltas.Add(Delta(FindingChange.Changed, f, old));
            }
            else
            {
                unchanged++;
            }
        }

        deltas.AddRange(before.Values.Where(f => !now.ContainsKey(f.Id)).Select(f => Delta(FindingChange.Resolved, null, f)));
        deltas = [.. deltas.OrderBy(d => d.Change).ThenByDescending(d => Math.Abs(d.SavingsDelta)).ThenBy(d => d.FindingId, StringComparer.Ordinal)];
        return new ScanDiff(
            baseline.Scan.ReviewId,
            baseline.Scan.StartedAt,
            deltas.Count(d => d.Change == FindingChange.New),
            deltas.Count(d => d.Change == FindingChange.Resolved),
            deltas.Count(d => d.Change == FindingChange.Changed),
            unchanged,
            notRescanned,
            deltas.Where(d => d.Change != FindingChange.Resolved).Sum(d => Math.Max(0, d.SavingsDelta)),
            deltas.Where(d => d.Change == FindingChange.Resolved).Sum(d => d.PreviousMonthlySavings),
            now.Values.Sum(Counted) - before.Values.Sum(Counted),
            current.Savings?.Currency ?? baseline.Savings?.Currency ?? "USD",
            deltas);
    }

    public static decimal Counted(Finding f) => f.CountedInTotal ? f.Savings.MonthlyAmount ?? 0m : 0m;

    private static FindingDelta Delta(FindingChange change, Finding? now, Finding? before)
    {
        var f = now ?? before!;
        return new FindingDelta(
            change, f.Id, f.CheckId, f.Title, f.AccountId, f.Region, f.ResourceId, f.Action, before?.Action,
            now is null ? 0m : Counted(now), before is null ? 0m : Counted(before));
    }
}
