namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>
/// AWS-style request rate limit: a bucket of <see cref="Capacity"/> tokens refilled at <see cref="RefillPerSecond"/>;
/// a request that finds it empty is throttled (EC2 documents its describe buckets this way).
/// </summary>
public sealed class TokenBucket(int capacity, double refillPerSecond, TimeProvider time)
{
    private readonly object _gate = new();
    private double _tokens = capacity;
    private long _last = time.GetTimestamp();

    public int Capacity { get; } = capacity;
    public double RefillPerSecond { get; } = refillPerSecond;

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(Capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * RefillPerSecond));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}

/// <summary>A per-service rate limit: bucket size and refill rate, applied per region.</summary>
public sealed record RateLimit(int Capacity, double RefillPerSecond);
