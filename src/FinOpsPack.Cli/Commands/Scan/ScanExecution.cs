using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>Runs a validated scan with the right progress display and prints the closing summary (scan and demo share it).</summary>
public sealed class ScanExecution(ConsoleStreams io, TimeProvider time)
{
    public async Task<int> RunAsync(ScanRequest request, bool quiet, CancellationToken ct)
    {
        if (!quiet)
        {
            await io.Err.WriteLineAsync($"Scanning {request.RoleArn.AccountId} as {request.RoleArn.RoleName} (review {request.ReviewId}, External ID fingerprint {request.ExternalId.Fingerprint})").ConfigureAwait(false);
        }

        var runner = ScanComposition.Runner(time);
        var result = quiet || !io.IsInteractive
            ? await runner.RunAsync(request, quiet ? IScanProgress.None : new PlainProgress(io.Err), ct).ConfigureAwait(false)
            : await SpectreProgress.RunAsync(io.Err, progress => runner.RunAsync(request, progress, ct)).ConfigureAwait(false);
        await ScanSummary.WriteAsync(io, result, request.OutputDirectory).ConfigureAwait(false);
        return result.Scan.ExitCode;
    }
}
