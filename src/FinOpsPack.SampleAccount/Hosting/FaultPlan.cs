namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>
/// Failures the sample account injects, the way AWS fails: throttling with the service's own code, 5xx, connections
/// dropped mid-request, latency, and AccessDenied for chosen IAM actions. Random choices come from <see cref="Seed"/>.
/// </summary>
public sealed record FaultPlan
{
    public double ThrottleRate { get; init; }
    public double ServerErrorRate { get; init; }
    public double DropRate { get; init; }
    public TimeSpan Latency { get; init; }
    public TimeSpan LatencyJitter { get; init; }

    /// <summary>IAM actions answered with AccessDenied, e.g. <c>ec2:DescribeVolumes</c>.</summary>
    public IReadOnlySet<string> DeniedActions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Services (signing names) that never get random faults, e.g. <c>sts</c> in a test of one collector.</summary>
    public IReadOnlySet<string> ExemptServices { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public int Seed { get; init; } = 7;

    /// <summary>Token-bucket limits per service signing name (per region), throttling with the service's own code when empty.</summary>
    public IReadOnlyDictionary<string, RateLimit> RateLimits { get; init; } = new Dictionary<string, RateLimit>(StringComparer.Ordinal);

    public static FaultPlan None { get; } = new();
}
