using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// Where each resource CloudWatch answers for sits in the dataset (instance, volume, NAT gateway, DB instance), so a
/// GetMetricData page of 500 queries never scans the lists (in the scale account that was most of the sample account's
/// CPU), kept per dataset by <see cref="DatasetIndexCache{T}"/>; an entry is checked against the list before use, since
/// tests may replace items in place.
/// </summary>
internal sealed class MetricResourceLookup
{
    private static readonly DatasetIndexCache<MetricResourceLookup> Cache = new(data => new MetricResourceLookup(data), CountsOf);

    private readonly Dictionary<string, (Kind Kind, int Index)> _index = new(StringComparer.Ordinal);

    private enum Kind
    {
        Instance,
        Volume,
        NatGateway,
        Database,
    }

    private MetricResourceLookup(SampleDataset data)
    {
        for (var i = 0; i < data.Ec2Instances.Count; i++)
        {
            _index.TryAdd(data.Ec2Instances[i].InstanceId, (Kind.Instance, i));
        }

        for (var i = 0; i < data.EbsVolumes.Count; i++)
        {
            _index.TryAdd(data.EbsVolumes[i].VolumeId, (Kind.Volume, i));
        }

        for (var i = 0; i < data.NatGateways.Count; i++)
        {
            _index.TryAdd(data.NatGateways[i].NatGatewayId, (Kind.NatGateway, i));
        }

        for (var i = 0; i < data.RdsInstances.Count; i++)
        {
            _index.TryAdd(data.RdsInstances[i].DbInstanceIdentifier, (Kind.Database, i));
        }
    }

    /// <summary>The resource's region, creation and (for a stopped instance) stop time; all null for an unknown id.</summary>
    public static (string? Region, DateTimeOffset? Created, DateTimeOffset? Stopped) Find(SampleDataset d, string id)
    {
        if (Cache.For(d).TryRead(d, id, out var found))
        {
            return found;
        }

        // An item was replaced in place since the index was built: rebuild and look again.
        return Cache.Rebuild(d).TryRead(d, id, out found) ? found : (null, null, null);
    }

    private bool TryRead(SampleDataset d, string id, out (string? Region, DateTimeOffset? Created, DateTimeOffset? Stopped) found)
    {
        found = (null, null, null);
        if (!_index.TryGetValue(id, out var at))
        {
            return true;
        }

        switch (at.Kind)
        {
            case Kind.Instance when d.Ec2Instances[at.Index] is { } instance && instance.InstanceId == id:
                found = (instance.Region, instance.LaunchTime, instance.State == "stopped" ? instance.StoppedSince ?? instance.LaunchTime : null);
                return true;
            case Kind.Volume when d.EbsVolumes[at.Index] is { } volume && volume.VolumeId == id:
                found = (volume.Region, volume.CreateTime, null);
                return true;
            case Kind.NatGateway when d.NatGateways[at.Index] is { } nat && nat.NatGatewayId == id:
                found = (nat.Region, nat.CreateTime, null);
                return true;
            case Kind.Database when d.RdsInstances[at.Index] is { } db && db.DbInstanceIdentifier == id:
                found = (db.Region, db.InstanceCreateTime, null);
                return true;
            default:
                return false;
        }
    }

    private static object CountsOf(SampleDataset data) =>
        (data.Ec2Instances.Count, data.EbsVolumes.Count, data.NatGateways.Count, data.RdsInstances.Count);
}
