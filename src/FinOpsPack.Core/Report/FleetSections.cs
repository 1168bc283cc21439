using System.Globalization;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Report;

/// <summary>Organization-wide scans: one row per account, its outcome and what it contributes.</summary>
public sealed record FleetSection(int Accounts, int Gaps, IReadOnlyList<FleetAccountRow> Rows);

public sealed record FleetAccountRow(
    string Account, string Name, string Kind, string Status, int Findings, string MonthlySavings, int CollectorGaps, string Detail, bool IsGap);

/// <summary>"Since the last run": the nightly diff against the baseline scan.</summary>
public sealed record SinceLastRunSection(
    string Baseline, int New, int Resolved, int Changed, int Unchanged, int NotRescanned, string NewSavings, string ResolvedSavings,
    string Delta, IReadOnlyList<DeltaRow> Rows, int Hidden);

public sealed record DeltaRow(string Change, string Title, string Account, string Region, string Resource, string Action, string Before, string After, string Delta);

internal static class FleetSections
{
    public const int MaxDeltaRows = 100;

    public static FleetSection? Accounts(ScanResult scan, string currency)
    {
        if (scan.Accounts is not { } accounts)
        {
            return null;
        }

        var rows = accounts.Select(a => new FleetAccountRow(
            a.AccountId,
            a.Name ?? "",
            a.Management ? "management" : "member",
            a.Status switch
            {
                AccountScanStatus.NotAssumed => "gap: role not assumed",
                AccountScanStatus.Failed => "gap: failed",
                AccountScanStatus.Partial => "partial",
                _ => "scanned",
            },
            a.Findings,
            ReportFormat.Money(a.MonthlySavings, currency),
            a.Collectors.Count(FleetMerger.IsMissing),
            a.Reason ?? "",
            a.IsGap)).ToList();
        return new FleetSection(rows.Count, rows.Count(r => r.IsGap), rows);
    }

    public static SinceLastRunSection? SinceLastRun(ScanResult scan)
    {
        if (scan.SinceLastRun is not { } diff)
        {
            return null;
        }

        string Money(decimal amount) => ReportFormat.Money(amount, diff.Currency);
        string Signed(decimal amount) => (amount > 0 ? "+" : "") + Money(amount);
        var rows = diff.Findings.Take(MaxDeltaRows).Select(d => new DeltaRow(
            d.Change.ToString().ToLowerInvariant(), d.Title, d.AccountId, d.Region, d.ResourceId,
            d.PreviousAction is { } before && before != d.Action ? before + " → " + d.Action : d.Action,
            Money(d.PreviousMonthlySavings), Money(d.MonthlySavings), Signed(d.SavingsDelta))).ToList();
        return new SinceLastRunSection(
            diff.BaselineReviewId + " (" + diff.BaselineStartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + ")",
            diff.New, diff.Resolved, diff.Changed, diff.Unchanged, diff.NotRescanned, Money(diff.NewMonthlySavings),
            Money(diff.ResolvedMonthlySavings), Signed(diff.MonthlySavingsDelta), rows, diff.Findings.Count - rows.Count);
    }
}
