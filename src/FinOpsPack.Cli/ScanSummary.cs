using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli;

/// <summary>The closing lines of a scan: coverage gaps, API usage, where the outputs are.</summary>
public static class ScanSummary
{
    public static async Task WriteAsync(ConsoleStreams io, ScanResult result, string outputDirectory)
    {
        var gaps = result.Collectors.Where(o => o.Status != CollectorStatus.Ok).ToList();
        foreach (var gap in gaps)
        {
            await io.Err.WriteLineAsync($"gap: {gap.Collector} {gap.Region ?? "global"}: {gap.Describe()}").ConfigureAwait(false);
        }

        var api = result.Api;
        await io.Err.WriteLineAsync(
            $"{api.Calls} API calls ({api.Throttled} throttled, {api.Retries} retries), {api.CostExplorerRequests} Cost Explorer requests (${api.CostExplorerCostUsd:0.00}), {result.Scan.DurationMs / 1000:0.0} s").ConfigureAwait(false);
        await io.Out.WriteLineAsync(Path.Combine(outputDirectory, "scan.json")).ConfigureAwait(false);
    }
}
