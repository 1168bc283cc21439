using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// Lookups the checks share, built on first use: per-resource questions must not scan whole inventory lists. Answers keep
/// inventory order, as the list scans they replace did.
/// </summary>
internal sealed class InventoryIndexes(AccountInventory inventory)
{
    private ILookup<(string, string, string, string), MetricEvidence>? _metrics;
    private ILookup<string, (int Position, ResourceCost Cost)>? _resourceCosts;
    private ILookup<(string Region, string InstanceId), (int Position, EbsVolume Volume)>? _volumesByAttachment;
    private Dictionary<(string Region, string VolumeId), (int Position, EbsVolume Volume)>? _volumesById;

    public ILookup<(string Region, string ResourceId, string Namespace, string MetricName), MetricEvidence> Metrics =>
        _metrics ??= inventory.Metrics.ToLookup(m => (m.Region, m.ResourceId, m.Namespace, m.MetricName));

    public bool HasResourceCosts => inventory.Cost?.ResourceCosts is { Count: > 0 };

    public IReadOnlyList<ResourceCost> ResourceCostsFor(IEnumerable<string> ids)
    {
        _resourceCosts ??= (inventory.Cost?.ResourceCosts ?? [])
            .Select((cost, position) => (Position: position, Cost: cost))
            .ToLookup(p => p.Cost.ResourceId, StringComparer.Ordinal);
        return [.. ids.Distinct(StringComparer.Ordinal).SelectMany(id => _resourceCosts[id]).OrderBy(p => p.Position).Select(p => p.Cost)];
    }

    public IReadOnlyList<EbsVolume> VolumesOf(Ec2Instance instance)
    {
        if (_volumesByAttachment is null || _volumesById is null)
        {
            var volumes = inventory.EbsVolumes.Select((volume, position) => (Position: position, Volume: volume)).ToList();
            _volumesByAttachment = volumes
                .SelectMany(p => p.Volume.AttachedInstanceIds.Select(id => (Key: (p.Volume.Region, id), Entry: p)))
                .ToLookup(p => p.Key, p => p.Entry);
            _volumesById = volumes.DistinctBy(p => (p.Volume.Region, p.Volume.VolumeId)).ToDictionary(p => (p.Volume.Region, p.Volume.VolumeId));
        }

        var named = instance.VolumeIds
            .Select(id => _volumesById.TryGetValue((instance.Region, id), out var entry) ? entry : ((int, EbsVolume)?)null)
            .OfType<(int Position, EbsVolume Volume)>();
        return [.. _volumesByAttachment[(instance.Region, instance.InstanceId)].Concat(named)
            .DistinctBy(p => p.Position).OrderBy(p => p.Position).Select(p => p.Volume)];
    }
}
