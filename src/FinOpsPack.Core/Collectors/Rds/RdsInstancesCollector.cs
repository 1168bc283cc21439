using FinOpsPack.Core.Aws.Services.Rds;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Rds;

/// <summary>Every RDS DB instance of the region (Aurora cluster members included: they carry their cluster identifier).</summary>
public sealed class RdsInstancesCollector : ICollector
{
    public string Name => "rds.instances";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["rds:DescribeDBInstances"];

    public string Provides => "RDS instances: previous-generation classes, idle databases, Multi-AZ outside production, Graviton candidates";

    /// <summary>MaxRecords per page (RDS: 20–100); tests lower it to exercise pagination.</summary>
    public int MaxRecords { get; init; } = RdsClient.MaxRecords;

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new RdsClient(context.Transport, context.Region);
        await foreach (var db in client.DescribeDBInstancesAsync(null, MaxRecords, ct).ConfigureAwait(false))
        {
            context.Inventory.Add(new RdsInstance(
                context.AccountId,
                context.Region,
                db.DBInstanceIdentifier,
                db.DBInstanceArn ?? $"arn:aws:rds:{context.Region}:{context.AccountId}:db:{db.DBInstanceIdentifier}",
                db.DBInstanceClass ?? "",
                db.Engine ?? "",
                db.EngineVersion,
                db.DBInstanceStatus ?? "",
                db.AllocatedStorage ?? 0,
                db.StorageType,
                db.Iops,
                db.MultiAZ ?? false,
                db.InstanceCreateTime,
                db.DBClusterIdentifier,
                db.DbiResourceId,
                db.Tags));
        }
    }
}
