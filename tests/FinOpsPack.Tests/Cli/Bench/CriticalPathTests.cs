using FinOpsPack.Cli.Commands.Bench;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.Tests.Cli.Bench;

public sealed class CriticalPathTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(60);
    private static readonly Dictionary<string, RateLimit> NoLimits = new(StringComparer.Ordinal);

    [Fact]
    public void Should_Be_The_Longest_Chain_Of_Dependent_Calls_When_No_Rate_Limit_Binds()
    {
        // Given a session (2 calls), then the region list, then per region a 4-page and a 2-page listing, and a global 20-page listing
        PlannedStep[] steps =
        [
            new("sts.session", "sts", "us-east-1", 2),
            new("ec2.regions", "ec2", "us-east-1", 1, "sts.session"),
            new("ebs.volumes@eu-west-1", "ec2", "eu-west-1", 4, "ec2.regions"),
            new("ec2.images@eu-west-1", "ec2", "eu-west-1", 2, "ec2.regions"),
            new("coh.recommendations", "cost-optimization-hub", "us-east-1", 20, "sts.session"),
        ];

        // When the critical path is computed
        var result = CriticalPath.Compute(steps, Latency, NoLimits);

        // Then it is the 22 calls of the session and the hub's pages, each at the mean latency
        Assert.Equal(TimeSpan.FromMilliseconds(22 * 60), result.Critical.Time);
        Assert.Equal("chain", result.Critical.Kind);
        Assert.Equal("sts.session ×2 → coh.recommendations ×20", result.Critical.What);
        Assert.Equal(29, result.PlannedCalls);
    }

    [Fact]
    public void Should_Wait_For_The_Slowest_Dependency_When_A_Step_Depends_On_Several()
    {
        // Given metrics that need both a 3-page and a 1-page listing of the region
        PlannedStep[] steps =
        [
            new("ec2.instances@r", "ec2", "r", 3),
            new("rds.instances@r", "rds", "r", 1),
            new("cloudwatch.metrics@r", "monitoring", "r", 2, 10, ["ec2.instances@r", "rds.instances@r"]),
        ];

        // When the critical path is computed
        var result = CriticalPath.Compute(steps, Latency, NoLimits);

        // Then the metrics start after the 3 instance pages: 5 calls in a row, and all 14 calls are planned
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 60), result.Critical.Time);
        Assert.Equal("ec2.instances@r ×3 → cloudwatch.metrics@r ×2", result.Critical.What);
        Assert.Equal(14, result.PlannedCalls);
    }

    [Fact]
    public void Should_Be_The_Token_Bucket_When_More_Calls_Than_It_Holds_Must_Wait_For_Refill()
    {
        // Given 25 independent calls to a service whose bucket holds 5 tokens and refills 5 per second, after a 2-call session
        PlannedStep[] steps =
        [
            new("sts.session", "sts", "us-east-1", 2),
            new("ce.all", "ce", "us-east-1", 1, 25, ["sts.session"]),
        ];
        var limits = new Dictionary<string, RateLimit>(StringComparer.Ordinal) { ["ce"] = new(5, 5) };

        // When the critical path is computed
        var result = CriticalPath.Compute(steps, Latency, limits);

        // Then the 20 calls beyond the bucket need 4 s of refill, after the session and before the last call's round trip
        Assert.Equal("rate limit", result.Critical.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(120) + TimeSpan.FromSeconds(4) + Latency, result.Critical.Time);
        Assert.Equal(TimeSpan.FromMilliseconds(180), result.LongestChain.Time);
        Assert.Contains("ce us-east-1: 25 calls", result.Critical.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Ignore_A_Bucket_When_Its_Calls_Fit_In_It()
    {
        // Given 100 EC2 calls in a region whose bucket holds 100
        PlannedStep[] steps = [new("ec2.all@r", "ec2", "r", 1, 100, [])];
        var limits = new Dictionary<string, RateLimit>(StringComparer.Ordinal) { ["ec2"] = new(100, 20) };

        // When the critical path is computed
        var result = CriticalPath.Compute(steps, Latency, limits);

        // Then no rate-limit bound applies: one round trip
        Assert.Empty(result.RateLimits);
        Assert.Equal(Latency, result.Critical.Time);
    }

    [Fact]
    public void Should_Refuse_Steps_That_Depend_On_Each_Other_In_A_Cycle()
    {
        PlannedStep[] steps = [new("a", "s", "r", 1, "b"), new("b", "s", "r", 1, "a")];

        Assert.Throws<InvalidOperationException>(() => CriticalPath.Compute(steps, Latency, NoLimits));
    }

    [Fact]
    public void Should_Bound_By_The_Tightest_Of_The_Scanner_s_Own_Slots_When_Limits_Are_Given()
    {
        // Given 40 S3 calls in one region and 20 EC2 calls, with 32 slots in all and 8 per service and region
        PlannedStep[] steps = [new("s3.location", "s3", "us-east-1", 1, 40, []), new("ec2.all@r", "ec2", "r", 1, 20, [])];

        // When the bound of those limits is computed
        var bound = CriticalPath.LimitsBound(steps, Latency, 32, _ => 8);

        // Then S3's 40 calls over 8 slots (5 round trips) bind, not the 60 calls over 32 slots (2 round trips)
        Assert.Equal(Latency * 5, bound.Time);
        Assert.Equal("s3 us-east-1: 40 calls over 8 slots", bound.What);
    }
}
