namespace FinOpsPack.Core.Inventory;

using Tags = IReadOnlyDictionary<string, string>;

public sealed record RdsInstance(
    string AccountId, string Region, string DbInstanceIdentifier, string DbInstanceArn, string DbInstanceClass,
    string Engine, string? EngineVersion, string Status, int AllocatedStorageGiB, string? StorageType, int? Iops,
    bool MultiAz, DateTimeOffset? InstanceCreateTime, string? DbClusterIdentifier, string? DbiResourceId, Tags Tags);

public sealed record RdsSnapshot(
    string AccountId, string Region, string DbSnapshotIdentifier, string DbSnapshotArn, string? DbInstanceIdentifier,
    string SnapshotType, DateTimeOffset? SnapshotCreateTime, int AllocatedStorageGiB, string? StorageType, string? Engine,
    string Status, Tags Tags);
