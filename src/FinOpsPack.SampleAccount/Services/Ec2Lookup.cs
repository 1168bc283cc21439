using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// Indexes over the dataset's EC2 lists, so that writing a resource never scans a list (a page of 1,000 instances in
/// the scale account would otherwise cost millions of comparisons), kept per dataset by <see cref="DatasetIndexCache{T}"/>.
/// </summary>
internal sealed class Ec2Lookup
{
    private static readonly DatasetIndexCache<Ec2Lookup> Cache = new(data => new Ec2Lookup(data), CountsOf);

    private Ec2Lookup(SampleDataset data)
    {
        for (var i = 0; i < data.Ec2Instances.Count; i++)
        {
            var instance = data.Ec2Instances[i];
            InstanceIndex.TryAdd(instance.InstanceId, i);
            if (instance.ImageId is { } image && instance.PlatformDetails?.StartsWith("Windows", StringComparison.Ordinal) == true)
            {
                WindowsImages.Add(image);
            }
        }

        for (var i = 0; i < data.NatGateways.Count; i++)
        {
            NatIndex.TryAdd(data.NatGateways[i].NatGatewayId, i);
            NatByInterface.TryAdd(SampleDataset.Ec2NetworkInterfaceOf(data.NatGateways[i].NatGatewayId), data.NatGateways[i]);
        }

        foreach (var address in data.ElasticIps)
        {
            if (address.InstanceId is { } instance)
            {
                AddressByInstance.TryAdd(instance, address);
            }

            if (address.NetworkInterfaceId is { } eni)
            {
                AddressByInterface.TryAdd(eni, address);
            }
        }

        foreach (var snapshot in data.EbsSnapshots)
        {
            SnapshotById.TryAdd(snapshot.SnapshotId, snapshot);
        }
    }

    /// <summary>Position of each instance in the dataset's list (its private address is derived from it).</summary>
    public Dictionary<string, int> InstanceIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> NatIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, NatGateway> NatByInterface { get; } = new(StringComparer.Ordinal);

    /// <summary>The first Elastic IP associated with each instance, and with each network interface.</summary>
    public Dictionary<string, ElasticIp> AddressByInstance { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ElasticIp> AddressByInterface { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EbsSnapshot> SnapshotById { get; } = new(StringComparer.Ordinal);

    /// <summary>Images some Windows instance was launched from.</summary>
    public HashSet<string> WindowsImages { get; } = new(StringComparer.Ordinal);

    public static Ec2Lookup For(SampleDataset data) => Cache.For(data);

    public Ec2Instance Instance(SampleDataset data, string instanceId) =>
        InstanceIndex.TryGetValue(instanceId, out var i) ? data.Ec2Instances[i] : throw new InvalidOperationException("no instance " + instanceId);

    private static object CountsOf(SampleDataset data) =>
        (data.Ec2Instances.Count, data.NatGateways.Count, data.ElasticIps.Count, data.EbsSnapshots.Count, data.EbsVolumes.Count);
}
