namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>The bench flags as parsed.</summary>
/// <param name="Record">A markdown file the result table is appended to (docs/benchmarks.md), or null.</param>
/// <param name="Findings">Findings in the report-rendering measure; null: 50,000 at the large size, 500 at the small one.</param>
/// <param name="Serve">Only serve the scale account (for profiling a scan by hand) until Ctrl-C.</param>
public sealed record BenchOptions(string Size, string OutputDirectory, string? Record, int? Findings, bool Serve = false, int Port = 0);
