using FinOpsPack.Core.Aws.Protocol;

namespace FinOpsPack.Core.Aws.Services.Rds;

/// <summary>A DescribeDBInstances/DescribeDBSnapshots filter: <c>Filters.Filter.N.Name</c>, <c>Filters.Filter.N.Values.Value.M</c>.</summary>
public sealed record RdsFilter(string Name, IReadOnlyList<string> Values);

/// <summary>The <c>DBInstance</c> fields FinOps Pack reads (AWS member names).</summary>
public sealed record DbInstance(
    string DBInstanceIdentifier,
    string? DBInstanceArn,
    string? DBInstanceClass,
    string? Engine,
    string? EngineVersion,
    string? DBInstanceStatus,
    int? AllocatedStorage,
    string? StorageType,
    int? Iops,
    int? StorageThroughput,
    bool? MultiAZ,
    DateTimeOffset? InstanceCreateTime,
    string? AvailabilityZone,
    string? DbiResourceId,
    string? DBClusterIdentifier,
    string? LicenseModel,
    string? ReadReplicaSourceDBInstanceIdentifier,
    bool? StorageEncrypted,
    int? MaxAllocatedStorage,
    IReadOnlyDictionary<string, string> Tags)
{
    internal static DbInstance From(XmlItem e) => new(
        e.Text("DBInstanceIdentifier") ?? throw RdsXml.Missing("DBInstance", "DBInstanceIdentifier"),
        e.Text("DBInstanceArn"),
        e.Token("DBInstanceClass"),
        e.Token("Engine"),
        e.Token("EngineVersion"),
        e.Token("DBInstanceStatus"),
        e.Int("AllocatedStorage"),
        e.Token("StorageType"),
        e.Int("Iops"),
        e.Int("StorageThroughput"),
        e.Bool("MultiAZ"),
        e.Time("InstanceCreateTime"),
        e.Token("AvailabilityZone"),
        e.Text("DbiResourceId"),
        e.Text("DBClusterIdentifier"),
        e.Token("LicenseModel"),
        e.Text("ReadReplicaSourceDBInstanceIdentifier"),
        e.Bool("StorageEncrypted"),
        e.Int("MaxAllocatedStorage"),
        RdsXml.Tags(e));
}

/// <summary>The <c>DBSnapshot</c> fields FinOps Pack reads (AWS member names).</summary>
public sealed record DbSnapshot(
    string DBSnapshotIdentifier,
    string? DBSnapshotArn,
    string? DBInstanceIdentifier,
    DateTimeOffset? SnapshotCreateTime,
    DateTimeOffset? OriginalSnapshotCreateTime,
    string? Engine,
    string? EngineVersion,
    int? AllocatedStorage,
    string? Status,
    string? SnapshotType,
    string? StorageType,
    string? DbiResourceId,
    string? SnapshotTarget,
    string? AvailabilityZone,
    IReadOnlyDictionary<string, string> Tags)
{
    internal static DbSnapshot From(XmlItem e) => new(
        e.Text("DBSnapshotIdentifier") ?? throw RdsXml.Missing("DBSnapshot", "DBSnapshotIdentifier"),
        e.Text("DBSnapshotArn"),
        e.Text("DBInstanceIdentifier"),
        e.Time("SnapshotCreateTime"),
        e.Time("OriginalSnapshotCreateTime"),
        e.Token("Engine"),
        e.Token("EngineVersion"),
        e.Int("AllocatedStorage"),
        e.Token("Status"),
        e.Token("SnapshotType"),
        e.Token("StorageType"),
        e.Text("DbiResourceId"),
        e.Token("SnapshotTarget"),
        e.Token("AvailabilityZone"),
        RdsXml.Tags(e));
}

/// <summary>One page of a Describe call: the items and the <c>Marker</c> for the next page (null on the last).</summary>
public sealed record RdsPage<T>(IReadOnlyList<T> Items, string? Marker);

internal static class RdsXml
{
    /// <summary>RDS tags: <c>&lt;TagList&gt;&lt;Tag&gt;&lt;Key/&gt;&lt;Value/&gt;&lt;/Tag&gt;</c> (member locationName Tag).</summary>
    public static IReadOnlyDictionary<string, string> Tags(XmlItem e) => XmlItem.Tags(e.Members("TagList", "Tag"), "Key", "Value");

    public static FormatException Missing(string shape, string member) => new($"{shape} without {member}");
}
