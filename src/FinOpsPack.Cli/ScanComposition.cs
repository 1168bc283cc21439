using FinOpsPack.Core.Report;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli;

/// <summary>Wires the layers above collection into a scan, in dependency order: collect → findings → report.</summary>
public static class ScanComposition
{
    /// <summary>A runner that evaluates the catalogue on what was collected; settings problems go to <paramref name="warn"/>.</summary>
    public static ScanRunner Runner(TimeProvider time, CheckSettings settings, Action<string> warn) => new(time)
    {
        // WriteReportAsync writes scan.json (first, so it survives a rendering failure); writing it here too doubled the I/O.
        WriteScanJson = false,
        AfterCollect = (scan, _) =>
        {
            var (result, problems) = new FindingEngine().Apply(scan, settings);
            foreach (var problem in problems)
            {
                warn("settings: " + problem);
            }

            PhaseMemory.Release();
            PhaseTrace.Mark("findings, memory released");
            return Task.FromResult(result);
        },
    };

    /// <summary>Renders report.html and findings.csv beside scan.json (redacted throughout when asked).</summary>
    public static Task<ReportFiles> WriteReportAsync(TimeProvider time, ScanResult result, string outputDirectory, ReportOptions options, CancellationToken ct) =>
        new ReportWriter(time).WriteAsync(result, outputDirectory, options, ct);

    /// <summary>Evaluates one account of an organization-wide scan (findings, totals and check coverage).</summary>
    public static Func<ScanResult, CancellationToken, Task<ScanResult>> EvaluateAccount(CheckSettings settings, Action<string> warn) => (scan, _) =>
    {
        var (result, problems) = new FindingEngine().Apply(scan, settings);
        foreach (var problem in problems.Distinct())
        {
            warn("settings: " + problem);
        }

        return Task.FromResult(result);
    };
}
