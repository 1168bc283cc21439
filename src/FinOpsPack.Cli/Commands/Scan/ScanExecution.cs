using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>Runs a validated scan with the right progress display, renders the report and prints the summary (scan and demo share it).</summary>
public sealed class ScanExecution(ConsoleStreams io, TimeProvider time)
{
    public async Task<int> RunAsync(ScanRequest request, ScanOutputOptions output, CancellationToken ct)
    {
        var quiet = output.Quiet;
        if (!quiet)
        {
            await io.Err.WriteLineAsync($"Scanning {request.RoleArn.AccountId} as {request.RoleArn.RoleName} (review {request.ReviewId}, External ID fingerprint {request.ExternalId.Fingerprint})").ConfigureAwait(false);
        }

        var runner = ScanComposition.Runner(time, output.Settings, warning => io.Err.WriteLine("warning: " + warning));
        var result = quiet || !io.IsInteractive
            ? await runner.RunAsync(request, quiet ? IScanProgress.None : new PlainProgress(io.Err), ct).ConfigureAwait(false)
            : await SpectreProgress.RunAsync(io.Err, progress => runner.RunAsync(request, progress, ct)).ConfigureAwait(false);
        var files = await ScanComposition.WriteReportAsync(time, result, request.OutputDirectory, output.Report, ct).ConfigureAwait(false);
        await ScanSummary.WriteAsync(io, result, files, quiet).ConfigureAwait(false);
        return result.Scan.ExitCode;
    }
}
