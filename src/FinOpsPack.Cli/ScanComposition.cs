using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli;

/// <summary>Wires the layers above collection (findings, report) into the scan runner, in dependency order.</summary>
public static class ScanComposition
{
    public static ScanRunner Runner(TimeProvider time) => new(time);

    /// <summary>Evaluates one account of an organization-wide scan (findings and totals); null until the findings engine is wired.</summary>
    public static Func<ScanResult, CancellationToken, Task<ScanResult>>? EvaluateAccount => null;

    /// <summary>Writes a merged organization-wide document (scan run, or <c>merge</c> of shards).</summary>
    public static Task WriteFleetAsync(ScanResult result, string outputDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(outputDirectory);
        return ScanJson.WriteAsync(result, Path.Combine(outputDirectory, "scan.json"), ct);
    }
}
