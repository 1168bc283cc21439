using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>Runs an organization-wide or fleet scan, writes the merged scan.json and prints the per-account breakdown.</summary>
public sealed class FleetExecution(ConsoleStreams io, TimeProvider time)
{
    public async Task<int> RunAsync(FleetRequest request, ScanOutputOptions output, CancellationToken ct)
    {
        var template = request.Template;
        var quiet = output.Quiet;
        if (!quiet)
        {
            var scope = request.Accounts is null ? "the organization of " + template.RoleArn.AccountId : $"{request.Accounts.Count} listed accounts";
            await io.Err.WriteLineAsync($"Scanning {scope}, shard {request.Shard} (review {template.ReviewId}, External ID fingerprint {template.ExternalId.Fingerprint})").ConfigureAwait(false);
        }

        var runner = new FleetScanRunner(time)
        {
            Evaluate = ScanComposition.EvaluateAccount(output.Settings, warning => { lock (io.Err) { io.Err.WriteLine("warning: " + warning); } }),
            AccountProgress = quiet ? null : (account, message) => { lock (io.Err) { io.Err.WriteLine($"{account}: {message}"); } },
        };
        var result = await runner.RunAsync(request, IScanProgress.None, ct).ConfigureAwait(false);
        var files = await ScanComposition.WriteReportAsync(time, result, template.OutputDirectory, output.Report, ct).ConfigureAwait(false);
        await WriteBreakdownAsync(io, result).ConfigureAwait(false);
        await ScanSummary.WriteAsync(io, result, files, quiet).ConfigureAwait(false);
        return result.Scan.ExitCode;
    }

    public static async Task WriteBreakdownAsync(ConsoleStreams io, ScanResult result)
    {
        foreach (var account in result.Accounts ?? [])
        {
            var savings = account.MonthlySavings is { } m ? $", {m:0.00}/month" : "";
            var gaps = account.Collectors.Count(FleetMerger.IsMissing);
            var detail = account.Status switch
            {
                AccountScanStatus.NotAssumed => "gap: role not assumed: " + account.Reason,
                AccountScanStatus.Failed => "gap: failed: " + account.Reason,
                AccountScanStatus.Partial => $"partial: {gaps} collector gaps, {account.Findings} findings{savings}",
                _ => $"scanned: {account.Findings} findings{savings}",
            };
            await io.Err.WriteLineAsync($"account {account.AccountId} {account.Name ?? ""}{(account.Management ? " (management)" : "")}: {detail}").ConfigureAwait(false);
        }
    }
}
