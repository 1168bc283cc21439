using FinOpsPack.Core.Aws.Services.Rds;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Rds;

/// <summary>The region's own RDS DB snapshots, manual and automated (AWS's default when no SnapshotType is given).</summary>
public sealed class RdsSnapshotsCollector : ICollector
{
    public string Name => "rds.snapshots";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["rds:DescribeDBSnapshots"];

    public string Provides => "RDS snapshots: old manual snapshots and snapshots of deleted instances";

    /// <summary>MaxRecords per page (RDS: 20–100); tests lower it to exercise pagination.</summary>
    public int MaxRecords { get; init; } = RdsClient.MaxRecords;

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new RdsClient(context.Transport, context.Region);
        await foreach (var s in client.DescribeDBSnapshotsAsync(null, null, MaxRecords, ct).ConfigureAwait(false))
        {
            context.Inventory.Add(new RdsSnapshot(
                context.AccountId,
                context.Region,
                s.DBSnapshotIdentifier,
                s.DBSnapshotArn ?? $"arn:aws:rds:{context.Region}:{context.AccountId}:snapshot:{s.DBSnapshotIdentifier}",
                s.DBInstanceIdentifier,
                s.SnapshotType ?? "",
                s.SnapshotCreateTime,
                s.AllocatedStorage ?? 0,
                s.StorageType,
                s.Engine,
                s.Status ?? "",
                s.Tags));
        }
    }
}
