using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// Runs the catalogue over one account: gates each check on its evidence (a region whose required collector did not
/// succeed is "not evaluated", never clean), collects per-resource evidence gaps, de-duplicates savings so each resource
/// is counted once, and computes the totals.
/// </summary>
public sealed class FindingEngine(IEnumerable<ICheck>? checks = null)
{
    private readonly IReadOnlyList<ICheck> _checks = checks?.ToList() ?? CheckCatalog.All;

    /// <summary>
    /// Evaluates a collected scan (for <see cref="ScanRunner.AfterCollect"/>): findings, totals and check coverage, with
    /// the scan's start as "now" and its regions as the scanned regions. Settings problems are returned beside it.
    /// </summary>
    public (ScanResult Result, IReadOnlyList<string> SettingsProblems) Apply(ScanResult scan, CheckSettings? settings = null)
    {
        var result = Run(new CheckContext
        {
            Inventory = scan.Inventory,
            Now = scan.Scan.StartedAt,
            Outcomes = scan.Collectors,
            Settings = settings ?? CheckSettings.Empty,
            ScannedRegions = scan.Scan.Regions,
        });
        return (scan with { Findings = result.Findings, Savings = result.Totals, CheckCoverage = result.Coverage }, result.SettingsProblems);
    }

    public FindingResult Run(CheckContext context)
    {
        var gate = new EvidenceGate(context.Outcomes, context.Regions);
        var findings = new List<Finding>();
        var coverage = new List<CheckCoverage>();
        foreach (var check in _checks)
        {
            findings.AddRange(RunOne(check, context, gate, coverage));
        }

        var distinct = findings.DistinctBy(f => f.Id).ToList();
        findings.Clear();

        // The checks' garbage goes back before de-duplication adds its own: together they made a large scan's peak.
        PhaseMemory.Release();
        PhaseTrace.Mark("checks, memory released");
        var deduplicated = SavingsDeduplicator.Apply(distinct);
        PhaseTrace.Mark("de-duplication");
        var totals = SavingsTotalsCalculator.Compute(deduplicated, context.Inventory, context.Now);
        PhaseTrace.Mark("totals");

        var problems = context.Settings.Problems
            .Concat(context.Settings.UnknownKeys(CheckCatalog.AllSettings.Select(s => s.Key))
                .Select(k => $"{context.Settings.Source}: unknown setting {k} (no check reads it)"))
            .ToList();
        return new FindingResult(deduplicated, coverage, totals, problems);
    }

    private static List<Finding> RunOne(ICheck check, CheckContext context, EvidenceGate gate, List<CheckCoverage> coverage)
    {
        var meta = check.Metadata;
        var scopes = gate.Scopes(meta);
        if (scopes.Count == 0)
        {
            coverage.Add(new CheckCoverage(meta.Id, CheckCoverage.AllRegions, CheckCoverageStatus.NotEvaluated, "no region was scanned"));
            return [];
        }

        var blockers = scopes.ToDictionary(s => s, s => gate.Blocker(meta, s));
        if (blockers.Values.All(b => b is not null))
        {
            coverage.AddRange(scopes.Select(s => new CheckCoverage(meta.Id, s, CheckCoverageStatus.NotEvaluated, blockers[s]!)));
            return [];
        }

        var scoped = context.Scoped();
        List<Finding> produced;
        try
        {
            produced = [.. check.Evaluate(scoped)];
        }
        catch (Exception e)
        {
            coverage.Add(new CheckCoverage(meta.Id, CheckCoverage.AllRegions, CheckCoverageStatus.Failed, e.GetType().Name + ": " + e.Message));
            return [];
        }

        var kept = produced.Where(f => gate.Blocker(meta, f.Region) is null).ToList();
        foreach (var scope in scopes)
        {
            var inScope = scope == CheckCoverage.AllRegions ? produced : [.. produced.Where(f => f.Region == scope)];
            coverage.Add(blockers[scope] is { } blocker
                ? new CheckCoverage(meta.Id, scope, CheckCoverageStatus.NotEvaluated, Withheld(blocker, inScope.Count))
                : new CheckCoverage(meta.Id, scope, CheckCoverageStatus.Evaluated, "evaluated", Findings: inScope.Count));
        }

        coverage.AddRange(scoped.Gaps
            .Where(g => gate.Blocker(meta, g.Region) is null)
            .Select(g => new CheckCoverage(meta.Id, g.Region, CheckCoverageStatus.EvidenceIncomplete, g.Reason, g.ResourceId)));
        return kept;
    }

    private static string Withheld(string blocker, int count) =>
        count == 0 ? blocker : $"{blocker} ({count} finding(s) on partial evidence withheld)";
}
