namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>One scan of the benchmark: how it was run and what it measured.</summary>
/// <param name="ScanTime">The scan's own duration from scan.json: session, collection, checks, report (no process start-up).</param>
/// <param name="ServerCpuTime">CPU the sample account (the benchmark's own process) spent answering: on a small machine it competes with the scanner.</param>
public sealed record BenchRun(string Label, int MaxConcurrency, ScanProcessResult Process, TimeSpan? ScanTime, AuditSummary Audit, TimeSpan ServerCpuTime)
{
    /// <summary>The sample account's response cache during this scan, or null when it ran without one.</summary>
    public CacheCounts? Cache { get; init; }

    /// <summary>The wall time the goals are judged on: the scan's own, else the process's.</summary>
    public TimeSpan Wall => ScanTime ?? Process.Wall;
}

/// <summary>
/// What the sample account's response cache did during one scan: answers replayed (hits) and generated (misses, by
/// service), and what it held at the end.
/// </summary>
public sealed record CacheCounts(int Hits, int Misses, IReadOnlyDictionary<string, int> MissesByService, int Entries, long StoredBytes);

/// <summary>Rendering the HTML report for many findings: how long it took and how large it is, or why it was not measured.</summary>
public sealed record RenderMeasure(int Findings, TimeSpan? Time, long? HtmlBytes, string? NotMeasured);

/// <summary>Everything one benchmark invocation measured.</summary>
public sealed record BenchResult(
    string Size,
    DateTimeOffset At,
    string Commit,
    string Machine,
    int Resources,
    int CohRecommendations,
    CriticalPathResult CriticalPath,
    Bound LimitsBound,
    IReadOnlyList<string> NotModelled,
    BenchRun Default,
    BenchRun Sequential,
    RenderMeasure Render)
{
    /// <summary>The unmeasured scan that filled the sample account's response cache, or null.</summary>
    public BenchRun? Warmup { get; init; }
}
