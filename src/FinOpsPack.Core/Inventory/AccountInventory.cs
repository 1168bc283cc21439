namespace FinOpsPack.Core.Inventory;

/// <summary>
/// Everything the collectors read from one account, immutable once built. Whether a list is complete is told by the
/// collector outcomes beside it (scan.json "collectors"): an empty list from a failed collector is "unknown", never "clean".
/// </summary>
public sealed record AccountInventory
{
    public string AccountId { get; init; } = "";
    public CallerIdentity? Caller { get; init; }
    public OrganizationInfo? Organization { get; init; }
    public IReadOnlyList<AwsRegionInfo> Regions { get; init; } = [];

    public IReadOnlyList<Ec2Instance> Ec2Instances { get; init; } = [];
    public IReadOnlyList<EbsVolume> EbsVolumes { get; init; } = [];
    public IReadOnlyList<EbsSnapshot> EbsSnapshots { get; init; } = [];
    public IReadOnlyList<ElasticIp> ElasticIps { get; init; } = [];
    public IReadOnlyList<NatGateway> NatGateways { get; init; } = [];
    public IReadOnlyList<MachineImage> MachineImages { get; init; } = [];
    public IReadOnlyList<RdsInstance> RdsInstances { get; init; } = [];
    public IReadOnlyList<RdsSnapshot> RdsSnapshots { get; init; } = [];
    public IReadOnlyList<EcsCluster> EcsClusters { get; init; } = [];
    public IReadOnlyList<EcsService> EcsServices { get; init; } = [];
    public IReadOnlyList<LambdaFunction> LambdaFunctions { get; init; } = [];
    public IReadOnlyList<S3Bucket> S3Buckets { get; init; } = [];
    public IReadOnlyList<IamPrincipal> IamPrincipals { get; init; } = [];
    public BedrockGovernance? BedrockGovernance { get; init; }
    public IReadOnlyList<MetricEvidence> Metrics { get; init; } = [];

    public CostBaseline? Cost { get; init; }
    public CohEnrollment? CohEnrollment { get; init; }
    public CohPreferences? CohPreferences { get; init; }
    public IReadOnlyList<CohRecommendation> CohRecommendations { get; init; } = [];
    public CohSummary? CohSummary { get; init; }
}
