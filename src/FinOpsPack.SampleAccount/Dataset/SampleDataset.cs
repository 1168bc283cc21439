using FinOpsPack.Core.Inventory;

namespace FinOpsPack.SampleAccount.Dataset;

/// <summary>
/// The sample account's data: one coherent account whose resources, costs and Cost Optimization Hub recommendations
/// agree with each other. Dates are relative to <see cref="Now"/> so ages ("stopped 45 days ago") hold on any day.
/// Each service family fills its part in its own partial file; the inventory lists are declared here so any part can
/// refer to another (COH recommends resources that exist in the EC2/RDS/Lambda parts).
/// </summary>
public sealed partial class SampleDataset
{
    public const string DefaultAccountId = "123456789012";
    public const string DefaultRoleName = "finops-pack-readonly";

    private SampleDataset(DateTimeOffset now, string externalId, string accountId)
    {
        Now = now;
        ExternalId = externalId;
        AccountId = accountId;
        BuildEc2();
        BuildQueryServices();
        BuildJsonServices();
    }

    public static SampleDataset Create(DateTimeOffset now, string externalId, string accountId = DefaultAccountId) =>
        new(now, externalId, accountId);

    public DateTimeOffset Now { get; }
    public string ExternalId { get; }
    public string AccountId { get; }
    public string RoleArn => $"arn:aws:iam::{AccountId}:role/{DefaultRoleName}";

    /// <summary>Regions the account has enabled; DescribeRegions also lists one not opted in.</summary>
    public IReadOnlyList<string> EnabledRegions { get; } = ["us-east-1", "eu-west-1"];

    public IReadOnlyList<AwsRegionInfo> AllRegions { get; } =
    [
        new("us-east-1", "opt-in-not-required"),
        new("eu-west-1", "opt-in-not-required"),
        new("ap-east-1", "not-opted-in"),
    ];

    /// <summary>Largest page the sample account returns, whatever MaxResults asks: small, so pagination is exercised.</summary>
    public int MaxPageSize { get; init; } = 3;

    /// <summary>
    /// Whether ListBuckets names each bucket's region (AWS has since 2024, when asked with a parameter); false plays an
    /// older S3 implementation, whose clients must ask GetBucketLocation per bucket.
    /// </summary>
    public bool S3ListsBucketRegion { get; set; } = true;

    public List<Ec2Instance> Ec2Instances { get; } = [];
    public List<EbsVolume> EbsVolumes { get; } = [];
    public List<EbsSnapshot> EbsSnapshots { get; } = [];
    public List<ElasticIp> ElasticIps { get; } = [];
    public List<NatGateway> NatGateways { get; } = [];
    public List<MachineImage> MachineImages { get; } = [];
    public List<RdsInstance> RdsInstances { get; } = [];
    public List<RdsSnapshot> RdsSnapshots { get; } = [];
    public List<EcsCluster> EcsClusters { get; } = [];
    public List<EcsService> EcsServices { get; } = [];
    public List<LambdaFunction> LambdaFunctions { get; } = [];
    public List<S3Bucket> S3Buckets { get; } = [];

    /// <summary>
    /// How each resource behaves in CloudWatch (keyed by instance, volume, NAT gateway id or DB instance identifier).
    /// The EC2 and RDS parts set them; the CloudWatch handler serves datapoints from them. No profile ⇒ no datapoints.
    /// </summary>
    public Dictionary<string, SampleMetricProfile> MetricProfiles { get; } = new(StringComparer.Ordinal);

    partial void BuildEc2();

    partial void BuildQueryServices();

    partial void BuildJsonServices();
}
