using System.Collections.Concurrent;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Aws.Transport;

/// <summary>Running totals of the calls a scan made, for scan.json and the report's metadata.</summary>
public sealed class ApiUsageCounter
{
    /// <summary>Cost Explorer bills $0.01 per request; every page is a request.</summary>
    public const decimal CostExplorerPricePerRequestUsd = 0.01m;

    private readonly ConcurrentDictionary<string, int> _byService = new(StringComparer.Ordinal);
    private int _calls;
    private int _attempts;
    private int _throttled;
    private int _failed;
    private int _costExplorerRequests;
    private long _latencyMicros;

    public void Count(AuditRecord record, bool billedCostExplorerRequest)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _attempts, record.Attempts);
        Interlocked.Add(ref _throttled, record.Throttles);
        Interlocked.Add(ref _latencyMicros, (long)(record.LatencyMs * 1000));
        if (record.ErrorCode is not null)
        {
            Interlocked.Increment(ref _failed);
        }

        if (billedCostExplorerRequest)
        {
            Interlocked.Increment(ref _costExplorerRequests);
        }

        _byService.AddOrUpdate(record.Service, 1, (_, n) => n + 1);
    }

    public int CostExplorerRequests => Volatile.Read(ref _costExplorerRequests);

    public ApiUsage Snapshot() => new(
        _calls,
        _attempts,
        _throttled,
        _attempts - _calls,
        _failed,
        new SortedDictionary<string, int>(_byService, StringComparer.Ordinal),
        _costExplorerRequests,
        _costExplorerRequests * CostExplorerPricePerRequestUsd,
        _latencyMicros / 1000.0);
}
