using System.Text.Json;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>
/// The figures the benchmark takes from a scan's audit.jsonl: calls, the sum of their round trips (what the same calls
/// cost made one at a time), throttles, retries, failures, billed Cost Explorer requests, and the span from the first
/// call's start to the last call's end.
/// </summary>
public sealed record AuditSummary(
    int Calls,
    int Attempts,
    int Throttled,
    int Failed,
    int CostExplorerRequests,
    TimeSpan SumOfLatencies,
    TimeSpan Span,
    IReadOnlyDictionary<string, int> CallsByService)
{
    public int Retries => Attempts - Calls;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static AuditSummary Read(string path)
    {
        var calls = 0;
        var attempts = 0;
        var throttled = 0;
        var failed = 0;
        var costExplorer = 0;
        var latency = 0.0;
        DateTimeOffset? first = null;
        DateTimeOffset? last = null;
        var byService = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.Contains("\"record\":\"header\"", StringComparison.Ordinal))
            {
                continue;
            }

            var record = JsonSerializer.Deserialize<AuditRecord>(line, Json) ?? throw new JsonException("empty audit line");
            calls++;
            attempts += record.Attempts;
            throttled += record.Throttles;
            latency += record.LatencyMs;
            failed += record.ErrorCode is null ? 0 : 1;
            costExplorer += record.Service == "ce" && record.ErrorCode is null ? 1 : 0;
            byService[record.Service] = byService.GetValueOrDefault(record.Service) + 1;
            var end = record.Time.AddMilliseconds(record.DurationMs);
            first = first is { } f && f <= record.Time ? f : record.Time;
            last = last is { } l && l >= end ? l : end;
        }

        return new AuditSummary(calls, attempts, throttled, failed, costExplorer, TimeSpan.FromMilliseconds(latency),
            first is { } a && last is { } b ? b - a : TimeSpan.Zero, byService);
    }
}
