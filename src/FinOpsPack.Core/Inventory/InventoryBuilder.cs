using System.Collections.Concurrent;

namespace FinOpsPack.Core.Inventory;

/// <summary>
/// Thread-safe accumulator the collectors write into while running concurrently. <see cref="Build"/> orders every list
/// deterministically so two scans of the same account produce the same document.
/// </summary>
public sealed class InventoryBuilder(string accountId)
{
    private readonly ConcurrentDictionary<Type, ConcurrentQueue<object>> _lists = new();
    private readonly ConcurrentDictionary<Type, object> _singletons = new();

    public string AccountId { get; } = accountId;

    public void Add<T>(T item)
        where T : notnull =>
        _lists.GetOrAdd(typeof(T), _ => new ConcurrentQueue<object>()).Enqueue(item);

    public void AddRange<T>(IEnumerable<T> items)
        where T : notnull
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Sets a one-per-account section (caller identity, cost baseline, COH preferences…).</summary>
    public void Set<T>(T section)
        where T : notnull => _singletons[typeof(T)] = section;

    public IReadOnlyList<T> List<T>() =>
        _lists.TryGetValue(typeof(T), out var q) ? q.Cast<T>().ToList() : [];

    public T? Get<T>()
        where T : class => _singletons.TryGetValue(typeof(T), out var v) ? (T)v : null;

    public AccountInventory Build() => new()
    {
        AccountId = AccountId,
        Caller = Get<CallerIdentity>(),
        Organization = Get<OrganizationInfo>(),
        Regions = Sorted<AwsRegionInfo>(r => r.RegionName),
        Ec2Instances = Sorted<Ec2Instance>(i => i.Region + "/" + i.InstanceId),
        EbsVolumes = Sorted<EbsVolume>(v => v.Region + "/" + v.VolumeId),
        EbsSnapshots = Sorted<EbsSnapshot>(s => s.Region + "/" + s.SnapshotId),
        ElasticIps = Sorted<ElasticIp>(e => e.Region + "/" + e.AllocationId),
        NatGateways = Sorted<NatGateway>(n => n.Region + "/" + n.NatGatewayId),
        MachineImages = Sorted<MachineImage>(i => i.Region + "/" + i.ImageId),
        RdsInstances = Sorted<RdsInstance>(d => d.Region + "/" + d.DbInstanceIdentifier),
        RdsSnapshots = Sorted<RdsSnapshot>(s => s.Region + "/" + s.DbSnapshotIdentifier),
        EcsClusters = Sorted<EcsCluster>(c => c.ClusterArn),
        EcsServices = Sorted<EcsService>(s => s.ServiceArn),
        LambdaFunctions = Sorted<LambdaFunction>(f => f.FunctionArn),
        S3Buckets = Sorted<S3Bucket>(b => b.Name),
        IamPrincipals = Sorted<IamPrincipal>(p => p.Arn),
        BedrockGovernance = Get<BedrockGovernance>(),
        Metrics = Sorted<MetricEvidence>(m => m.Region + "/" + m.ResourceId + "/" + m.Namespace + "/" + m.MetricName + "/" + m.Statistic),
        Cost = Get<CostBaseline>(),
        CohEnrollment = Get<CohEnrollment>(),
        CohPreferences = Get<CohPreferences>(),
        CohRecommendations = Sorted<CohRecommendation>(r => r.RecommendationId),
        CohSummary = Get<CohSummary>(),
    };

    private List<T> Sorted<T>(Func<T, string> key) =>
        [.. List<T>().OrderBy(key, StringComparer.Ordinal)];
}
