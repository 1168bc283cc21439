using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ec2;

public sealed class VolumesCollector : ICollector
{
    public string Name => "ebs.volumes";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ec2:DescribeVolumes"];

    public string Provides => "EBS volumes: unattached volumes, gp2-to-gp3 and io1 migrations, volumes kept for stopped instances";

    /// <summary>MaxResults per call; null asks for the largest page.</summary>
    public int? PageSize { get; init; }

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new Ec2Client(context.Transport, context.Region) { PageSize = PageSize };
        await foreach (var volume in client.DescribeVolumesAsync([], ct).ConfigureAwait(false))
        {
            context.Inventory.Add(ToInventory(context.AccountId, context.Region, volume));
        }
    }

    internal static EbsVolume ToInventory(string accountId, string region, Volume volume) =>
        new(
            accountId,
            region,
            volume.VolumeId,
            volume.VolumeType,
            volume.Size,
            volume.Iops,
            volume.Throughput,
            volume.State,
            volume.CreateTime,
            Ec2Text.NullIfEmpty(volume.AvailabilityZone),
            Ec2Text.NullIfEmpty(volume.SnapshotId),
            [.. volume.Attachments.Select(a => a.InstanceId).OfType<string>().Where(i => i.Length > 0)],
            volume.Encrypted ?? false,
            volume.Tags);
}
