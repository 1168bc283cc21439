using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ec2;

/// <summary>The account's own EBS snapshots (Owner=self): never the public or shared ones.</summary>
public sealed class SnapshotsCollector : ICollector
{
    public string Name => "ebs.snapshots";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ec2:DescribeSnapshots"];

    public string Provides => "the account's EBS snapshots: old snapshots whose volume is gone, archive-tier candidates";

    /// <summary>MaxResults per call; null asks for the largest page.</summary>
    public int? PageSize { get; init; }

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new Ec2Client(context.Transport, context.Region) { PageSize = PageSize };
        await foreach (var snapshot in client.DescribeSnapshotsAsync([], ct).ConfigureAwait(false))
        {
            context.Inventory.Add(ToInventory(context.AccountId, context.Region, snapshot));
        }
    }

    /// <summary>The description is free text and kept as sent; ids sent empty become null.</summary>
    internal static EbsSnapshot ToInventory(string accountId, string region, Snapshot snapshot) =>
        new(
            accountId,
            region,
            snapshot.SnapshotId,
            Ec2Text.NullIfEmpty(snapshot.VolumeId),
            snapshot.VolumeSize,
            snapshot.StartTime,
            snapshot.State,
            Ec2Text.NullIfEmpty(snapshot.StorageTier),
            snapshot.Description,
            snapshot.FullSnapshotSizeInBytes,
            snapshot.Tags);
}
