using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Dataset;

/// <summary>
/// The size and the behaviour of a generated sample account (the benchmark's scale mode): how many resources of each
/// kind, AWS's real page-size maxima, the injected latency and per-service token-bucket rate limits modelled on AWS.
/// </summary>
public sealed record ScaleProfile
{
    public required string Name { get; init; }

    /// <summary>Enabled regions, from <see cref="AllEnabledRegions"/> in order.</summary>
    public int RegionCount { get; init; } = 17;

    public int InstancesPerRegion { get; init; }

    /// <summary>Volumes besides each instance's root volume: data volumes and unattached ones.</summary>
    public int ExtraVolumesPerRegion { get; init; }

    public int SnapshotsPerRegion { get; init; }

    public int NatGatewaysPerRegion { get; init; }

    /// <summary>Elastic IPs besides the NAT gateways' own addresses.</summary>
    public int ElasticIpsPerRegion { get; init; }

    public int ImagesPerRegion { get; init; }

    public int RdsInstancesPerRegion { get; init; }

    public int RdsSnapshotsPerRegion { get; init; }

    /// <summary>Lambda functions in all, spread over the regions.</summary>
    public int LambdaFunctions { get; init; }

    public int EcsClustersPerRegion { get; init; }

    public int EcsServicesPerCluster { get; init; }

    public int S3Buckets { get; init; }

    public int IamRoles { get; init; }

    /// <summary>
    /// The page cap: large enough that each handler's own AWS maximum decides (EC2 1000, or 500 for DescribeVolumes;
    /// RDS 100; Lambda 50; COH 1000; IAM 1000; ECS 100), as a real account does.
    /// </summary>
    public int MaxPageSize { get; init; } = 1000;

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(60);

    public TimeSpan LatencyJitter { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Token buckets per service signing name and region; see <see cref="AwsLikeRateLimits"/>.</summary>
    public IReadOnlyDictionary<string, RateLimit> RateLimits { get; init; } = AwsLikeRateLimits;

    /// <summary>
    /// Rate limits modelled on AWS's. The sample account keeps one bucket per service and region, where AWS often has
    /// one per API, so these are if anything stricter than AWS.
    /// </summary>
    public static IReadOnlyDictionary<string, RateLimit> AwsLikeRateLimits { get; } = new Dictionary<string, RateLimit>(StringComparer.Ordinal)
    {
        // EC2 developer guide, "Request throttling": non-mutating actions, bucket 100 tokens, refill 20 per second.
        ["ec2"] = new(100, 20),

        // RDS user guide, "Request throttling for the Amazon RDS API": bursts of 300, 12 requests per second sustained.
        ["rds"] = new(300, 12),

        // CloudWatch service quotas: GetMetricData 50 transactions per second; the bucket's size is an assumption.
        ["monitoring"] = new(50, 50),

        // Lambda quotas: control-plane API requests other than GetFunction/GetPolicy, 15 per second; bucket size assumed.
        ["lambda"] = new(15, 15),

        // ECS developer guide, "Request throttling": cluster read actions bucket 50, refill 20 per second.
        ["ecs"] = new(50, 20),

        // Assumptions: no per-second figure is published for these (Cost Explorer is known to throttle early).
        ["ce"] = new(5, 5),
        ["cost-optimization-hub"] = new(10, 5),
        ["iam"] = new(20, 10),
        ["organizations"] = new(10, 5),
    };

    /// <summary>The 17 regions enabled by default in the aws partition (no opt-in needed).</summary>
    public static IReadOnlyList<string> AllEnabledRegions { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
        "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2", "sa-east-1",
    ];

    /// <summary>Regions that need opting in; DescribeRegions lists them as not opted in.</summary>
    public static IReadOnlyList<string> OptInRegions { get; } = ["af-south-1", "ap-east-1", "me-south-1", "eu-south-1"];

    /// <summary>
    /// The benchmark's account: 17 regions, more than 100,000 resources, 10,000 Lambda functions, 5,000 IAM roles and
    /// (derived by Cost Optimization Hub's rules from the resources) more than 20,000 recommendations.
    /// </summary>
    public static ScaleProfile Large { get; } = new()
    {
        Name = "large",
        InstancesPerRegion = 1_100,
        ExtraVolumesPerRegion = 500,
        SnapshotsPerRegion = 2_000,
        NatGatewaysPerRegion = 30,
        ElasticIpsPerRegion = 40,
        ImagesPerRegion = 120,
        RdsInstancesPerRegion = 180,
        RdsSnapshotsPerRegion = 250,
        LambdaFunctions = 10_000,
        EcsClustersPerRegion = 5,
        EcsServicesPerCluster = 20,
        S3Buckets = 500,
        IamRoles = 5_000,
    };

    /// <summary>A CI smoke size: every kind of resource, several pages of the paginated ones, a run of seconds.</summary>
    public static ScaleProfile Small { get; } = new()
    {
        Name = "small",
        RegionCount = 3,
        InstancesPerRegion = 60,
        ExtraVolumesPerRegion = 30,
        SnapshotsPerRegion = 80,
        NatGatewaysPerRegion = 3,
        ElasticIpsPerRegion = 4,
        ImagesPerRegion = 6,
        RdsInstancesPerRegion = 10,
        RdsSnapshotsPerRegion = 15,
        LambdaFunctions = 150,
        EcsClustersPerRegion = 2,
        EcsServicesPerCluster = 3,
        S3Buckets = 20,
        IamRoles = 120,
        MaxPageSize = 25,
        Latency = TimeSpan.FromMilliseconds(20),
        LatencyJitter = TimeSpan.FromMilliseconds(5),
    };

    public static ScaleProfile? Find(string name) =>
        name.ToLowerInvariant() switch
        {
            "large" => Large,
            "small" => Small,
            _ => null,
        };

    public IReadOnlyList<string> Regions => [.. AllEnabledRegions.Take(Math.Clamp(RegionCount, 1, AllEnabledRegions.Count))];

    /// <summary>The faults that make the account behave like AWS: latency with jitter and the rate limits.</summary>
    public FaultPlan Faults => new() { Latency = Latency, LatencyJitter = LatencyJitter, RateLimits = RateLimits };
}
