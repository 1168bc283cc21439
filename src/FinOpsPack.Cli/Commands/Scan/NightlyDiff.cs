using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary><c>--baseline</c> and <c>--fail-on-new-savings</c>: the "since the last run" section of scan.json and the CI gate.</summary>
public static class NightlyDiff
{
    /// <summary>New monthly savings (waste) above <c>--fail-on-new-savings</c> appeared since the baseline.</summary>
    public const int NewSavingsExitCode = ExitCodes.NewSavings;

    public static async Task<ScanResult?> LoadBaselineAsync(string? path, CancellationToken ct)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UserInputException($"--baseline file not found: {path} (the first nightly run has none: omit the flag)");
        }

        try
        {
            return await ScanJson.ReadAsync(path, ct).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new UserInputException($"--baseline {path} is not a scan.json ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>
    /// Adds the diff to the outputs in <paramref name="outputDirectory"/> (scan.json and the report, re-rendered from the
    /// written scan.json, which is already redacted when the run was), prints it, and gives the exit code.
    /// </summary>
    public static async Task<int> ApplyAsync(
        ConsoleStreams io, TimeProvider time, ScanResult baseline, string outputDirectory, ReportOptions report, decimal? failOnNewSavings, int code,
        CancellationToken ct)
    {
        var path = Path.Combine(outputDirectory, "scan.json");
        var current = await ScanJson.ReadAsync(path, ct).ConfigureAwait(false);
        var diff = ScanDiffer.Compare(baseline, current);
        await ScanComposition.WriteReportAsync(time, current with { SinceLastRun = diff }, outputDirectory, report with { Redact = false }, ct).ConfigureAwait(false);
        await WriteAsync(io, diff).ConfigureAwait(false);
        return Gate(diff, failOnNewSavings, code);
    }

    public static int Gate(ScanDiff diff, decimal? failOnNewSavings, int code) =>
        failOnNewSavings is { } limit && diff.NewMonthlySavings > limit ? NewSavingsExitCode : code;

    public static async Task WriteAsync(ConsoleStreams io, ScanDiff diff)
    {
        await io.Err.WriteLineAsync(
            $"since {diff.BaselineReviewId}: {diff.New} new, {diff.Resolved} resolved, {diff.Changed} changed, {diff.Unchanged} unchanged; " +
            $"new savings {diff.NewMonthlySavings:0.00} {diff.Currency}/month, savings delta {diff.MonthlySavingsDelta:+0.00;-0.00;0.00} {diff.Currency}/month" +
            (diff.NotRescanned > 0 ? $" ({diff.NotRescanned} findings in accounts not scanned this time)" : "")).ConfigureAwait(false);
    }
}
