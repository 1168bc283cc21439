using System.Globalization;
using System.Text;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>The benchmark's record: a short markdown section with both runs side by side and which goals hold.</summary>
public static class BenchTable
{
    public const double WallOverCriticalGoal = 1.25;
    public const double SequentialOverWallGoal = 10;
    public const long PeakRssGoalBytes = 400_000_000;
    public const int CostExplorerGoal = 8;
    public static readonly TimeSpan RenderGoal = TimeSpan.FromSeconds(2);

    public static string Markdown(BenchResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var cp = r.CriticalPath;
        var d = r.Default;
        var s = r.Sequential;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        void Row(string figure, string first, string second) => Line($"| {figure} | {first} | {second} |");

        Line(string.Create(c, $"### {r.At:yyyy-MM-dd HH:mm} UTC · `bench --size {r.Size}` · commit {r.Commit}"));
        Line("");
        Line($"Machine: {r.Machine}.  ");
        Line(string.Create(c, $"Account: {r.Resources:N0} resources, {r.CohRecommendations:N0} COH recommendations; {cp.PlannedCalls:N0} calls planned.  "));
        var chain = cp.Critical.Kind == "chain" ? "" : $"; longest chain {Seconds(cp.LongestChain.Time)}: {cp.LongestChain.What}";
        var tightest = cp.RateLimits.Count > 0 && cp.Critical.Kind == "chain" ? $"; tightest rate limit {Seconds(cp.RateLimits[0].Time)}: {cp.RateLimits[0].What}" : "";
        Line($"Critical path {Seconds(cp.Critical.Time)} ({cp.Critical.Kind}: {cp.Critical.What}){chain}{tightest}.");
        Line($"Bound of the scanner's own default concurrency limits (not AWS's): {Seconds(r.LimitsBound.Time)} ({r.LimitsBound.What}).  ");
        var mismatches = ModelMismatches(cp, d.Audit);
        Line(mismatches.Count == 0
            ? "Model check: the default scan made exactly the calls planned, service by service.  "
            : $"Model check: planned ≠ made for {string.Join(", ", mismatches)}.  ");
        if (r.NotModelled.Count > 0)
        {
            Line($"Not in the critical-path model (their calls are not in the bound): {string.Join(", ", r.NotModelled)}.");
        }

        if (r.Warmup is { } w)
        {
            Line(string.Create(c,
                $"Warm-up: one default scan ran first, not measured ({Seconds(w.Process.Wall)}, sample account CPU {Seconds(w.ServerCpuTime)}), to fill the sample account's response cache ({w.Cache?.Entries ?? 0:N0} answers, {Megabytes(w.Cache?.StoredBytes)}); each measured scan then ran against a fresh server (full token buckets) sharing that cache.  "));
        }

        Line("");
        Row("figure", "default", s.Label);
        Line("|---|---:|---:|");
        Row("wall (scan: session + collection)", Seconds(d.Wall), Seconds(s.Wall));
        Row("wall (process: start-up, scan, checks, report.html, CSV, scan.json)", Seconds(d.Process.Wall), Seconds(s.Process.Wall));
        Row("wall / critical path", Ratio(d.Wall / cp.Critical.Time), Ratio(s.Wall / cp.Critical.Time));
        Row("sum of call latencies (audit)", Seconds(d.Audit.SumOfLatencies), Seconds(s.Audit.SumOfLatencies));
        Row("sum of latencies / wall", Ratio(d.Audit.SumOfLatencies / d.Wall), Ratio(s.Audit.SumOfLatencies / s.Wall));
        Row("calls", d.Audit.Calls.ToString("N0", c), s.Audit.Calls.ToString("N0", c));
        Row("throttled / retries", $"{d.Audit.Throttled} / {d.Audit.Retries}", $"{s.Audit.Throttled} / {s.Audit.Retries}");
        Row("failed calls", d.Audit.Failed.ToString(c), s.Audit.Failed.ToString(c));
        Row("peak RSS (VmHWM)", Megabytes(d.Process.PeakRssBytes), Megabytes(s.Process.PeakRssBytes));
        Row("scanner CPU time", d.Process.CpuTime is { } dc ? Seconds(dc) : "n/a", s.Process.CpuTime is { } sc ? Seconds(sc) : "n/a");
        Row("sample account CPU time (same machine)", Seconds(d.ServerCpuTime), Seconds(s.ServerCpuTime));
        Row("sample account cache hits / misses", CacheCell(d.Cache), CacheCell(s.Cache));
        Row("CPU bound of this machine: (scanner + sample account CPU) / cores", Seconds(CpuBound(d)), Seconds(CpuBound(s)));
        Row("wall (process) / max(critical path, CPU bound)", Ratio(d.Process.Wall / Max(cp.Critical.Time, CpuBound(d))),
            Ratio(s.Process.Wall / Max(cp.Critical.Time, CpuBound(s))));
        Row("paid Cost Explorer requests", d.Audit.CostExplorerRequests.ToString(c), s.Audit.CostExplorerRequests.ToString(c));
        Row("exit code", d.Process.ExitCode.ToString(c), s.Process.ExitCode.ToString(c));
        var missed = new[] { d, s }.Where(x => x.Cache is { Misses: > 0 }).ToList();
        if (missed.Count > 0)
        {
            Line("");
        }

        foreach (var run in missed)
        {
            Line(string.Create(c, $"The {run.Label} run generated {run.Cache!.Misses:N0} answers the warm-up had not ({string.Join(", ", run.Cache.MissesByService.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"))}): their CPU is in its sample account CPU time."));
        }

        Line("");
        Line(r.Render.Time is { } rt
            ? string.Create(c, $"Report: {r.Render.Findings:N0} findings rendered in {Seconds(rt)} (median of 3, model + HTML to disk), {Megabytes(r.Render.HtmlBytes)} of HTML")
                + (r.Render.NotMeasured is { } how ? $" ({how})." : ".")
            : $"Report: not measured ({r.Render.NotMeasured}).");
        Line("");
        Line("Goals:");
        // The goals are set for the large account; at a smaller size a scan is a few round trips in a row plus start-up.
        var large = r.Resources >= 100_000 && r.CohRecommendations >= 20_000;
        var indicative = large ? "" : " (this size is below 100,000 resources and 20,000 recommendations: indicative only)";
        Goal(Line, d.Wall <= cp.Critical.Time * WallOverCriticalGoal,
            string.Create(c, $"wall ≤ {WallOverCriticalGoal} × critical path{indicative}: {Ratio(d.Wall / cp.Critical.Time)}"));
        // Judged on the same-run baseline (the sequential run's wall): under CPU contention each call's own latency grows,
        // so the concurrent run's sum of latencies overstates what the same calls one at a time would cost.
        Goal(Line, s.Wall / d.Wall >= SequentialOverWallGoal,
            string.Create(c, $"≥ {SequentialOverWallGoal:0} × faster than sequential{indicative}: {Ratio(s.Wall / d.Wall)} (the --max-concurrency 1 run's wall / default wall; sum of latencies / wall: {Ratio(d.Audit.SumOfLatencies / d.Wall)})"));
        Goal(Line, d.Process.PeakRssBytes is { } peak && peak <= PeakRssGoalBytes, $"peak RSS ≤ 400 MB{indicative}: {Megabytes(d.Process.PeakRssBytes)}");
        Goal(Line, Math.Max(d.Audit.CostExplorerRequests, s.Audit.CostExplorerRequests) <= CostExplorerGoal,
            string.Create(c, $"≤ {CostExplorerGoal} paid Cost Explorer requests: {d.Audit.CostExplorerRequests}"));
        Goal(Line, r.Render.Time is { } t && t <= RenderGoal,
            r.Render.Time is null ? $"rendering 50,000 findings ≤ 2 s: not measured" : string.Create(c, $"rendering {r.Render.Findings:N0} findings ≤ 2 s: {Seconds(r.Render.Time.Value)}"));
        return text.ToString();
    }

    /// <summary>Services whose calls (retries aside) differ from the plan, as "service planned/made".</summary>
    public static IReadOnlyList<string> ModelMismatches(CriticalPathResult plan, AuditSummary audit)
    {
        var made = audit.CallsByService;
        var planned = plan.PlannedByService.ToDictionary(
            p => Core.Aws.AwsService.FindBySigningName(p.Key)?.IamPrefix ?? p.Key, p => p.Value, StringComparer.Ordinal);
        return [.. planned.Keys.Union(made.Keys).Order(StringComparer.Ordinal)
            .Where(k => planned.GetValueOrDefault(k) != made.GetValueOrDefault(k))
            .Select(k => $"{k} {planned.GetValueOrDefault(k)}/{made.GetValueOrDefault(k)}")];
    }

    /// <summary>
    /// On a small machine the sample account's answers and the scanner's parsing share the cores: no scan can finish
    /// before the CPU both need has run. (Against AWS the service side is not on this machine.)
    /// </summary>
    public static TimeSpan CpuBound(BenchRun run) =>
        ((run.Process.CpuTime ?? TimeSpan.Zero) + run.ServerCpuTime) / Environment.ProcessorCount;

    private static string CacheCell(CacheCounts? cache) =>
        cache is null ? "off" : string.Create(CultureInfo.InvariantCulture, $"{cache.Hits:N0} / {cache.Misses:N0}");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void Goal(Action<string> line, bool met, string what) => line($"- {(met ? "met" : "MISSED")}: {what}");

    public static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.00} s");

    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}×");

    public static string Megabytes(long? bytes) =>
        bytes is { } b ? (b / 1_000_000.0).ToString(b < 10_000_000 ? "0.00" : "0", CultureInfo.InvariantCulture) + " MB" : "n/a";
}
