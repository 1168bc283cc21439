using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// The collector names checks may name as evidence, with their scope. Used to judge coverage while a collector is not yet
/// in <see cref="CollectorCatalog"/>; once it is, the catalog's own scope wins.
/// </summary>
public static class EvidenceNames
{
    public const string Ec2Instances = "ec2.instances";
    public const string EbsVolumes = "ebs.volumes";
    public const string EbsSnapshots = "ebs.snapshots";
    public const string ElasticIps = "ec2.elastic-ips";
    public const string NatGateways = "ec2.nat-gateways";
    public const string MachineImages = "ec2.images";
    public const string RdsInstances = "rds.instances";
    public const string RdsSnapshots = "rds.snapshots";
    public const string EcsServices = "ecs.services";
    public const string LambdaFunctions = "lambda.functions";
    public const string S3Buckets = "s3.buckets";
    public const string IamAuthorization = "iam.authorization";
    public const string CloudWatchMetrics = "cloudwatch.metrics";
    public const string CeSpend = "ce.spend";
    public const string CeCoverage = "ce.coverage";
    public const string CeAnomalies = "ce.anomalies";
    public const string CeResourceCosts = "ce.resource-costs";
    public const string CohRecommendations = "coh.recommendations";
    public const string CohSummaries = "coh.summaries";

    public static IReadOnlyDictionary<string, CollectorScope> Known { get; } = new Dictionary<string, CollectorScope>(StringComparer.Ordinal)
    {
        [Ec2Instances] = CollectorScope.Regional,
        [EbsVolumes] = CollectorScope.Regional,
        [EbsSnapshots] = CollectorScope.Regional,
        [ElasticIps] = CollectorScope.Regional,
        [NatGateways] = CollectorScope.Regional,
        [MachineImages] = CollectorScope.Regional,
        [RdsInstances] = CollectorScope.Regional,
        [RdsSnapshots] = CollectorScope.Regional,
        [EcsServices] = CollectorScope.Regional,
        [LambdaFunctions] = CollectorScope.Regional,
        [S3Buckets] = CollectorScope.Global,
        [IamAuthorization] = CollectorScope.Global,
        [CloudWatchMetrics] = CollectorScope.Regional,
        [CeSpend] = CollectorScope.Global,
        [CeCoverage] = CollectorScope.Global,
        [CeAnomalies] = CollectorScope.Global,
        [CeResourceCosts] = CollectorScope.Global,
        [CohRecommendations] = CollectorScope.Global,
        [CohSummaries] = CollectorScope.Global,
    };

    public static CollectorScope ScopeOf(string collector) =>
        CollectorCatalog.Find(collector)?.Scope
        ?? (Known.TryGetValue(collector, out var scope) ? scope : CollectorScope.Regional);
}
