namespace FinOpsPack.Core.Aws.Transport;

/// <summary>Limits and retry behaviour of the call pipeline.</summary>
public sealed record TransportOptions
{
    /// <summary>
    /// Calls in flight at once across every service and region (<c>--max-concurrency</c>). At 60 ms a call, 64 slots
    /// carry a 2,000-call scan of 17 regions in about 2 s; 32 made the limit itself twice the critical path (docs/benchmarks.md).
    /// </summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    public const int DefaultMaxConcurrency = 64;

    /// <summary>Calls in flight at once per service and region unless the service has its own, lower limit.</summary>
    public int PerServiceRegionConcurrency { get; init; } = 8;

    /// <summary>
    /// Services whose APIs have low or account-wide rate limits. Cost Explorer has no published per-second figure and
    /// throttles early; Organizations and IAM are global control planes with low limits.
    /// </summary>
    public IReadOnlyDictionary<string, int> ServiceConcurrency { get; init; } = new Dictionary<string, int>
    {
        ["ce"] = 2,
        ["organizations"] = 2,
        ["iam"] = 2,
        ["cost-optimization-hub"] = 4,
        ["sts"] = 2,

        // S3 serves thousands of requests a second per prefix; the per-bucket location and lifecycle reads of a
        // 500-bucket account would otherwise queue behind 8 slots in us-east-1.
        ["s3"] = 32,
    };

    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; init; } = 10;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>One attempt's time limit.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int LimitFor(string signingName) =>
        Math.Min(MaxConcurrency, ServiceConcurrency.TryGetValue(signingName, out var n) ? n : PerServiceRegionConcurrency);
}
