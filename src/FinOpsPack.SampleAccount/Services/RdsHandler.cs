using System.Globalization;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Hosting;
using static FinOpsPack.SampleAccount.Services.QueryProtocolXml;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// RDS DescribeDBInstances and DescribeDBSnapshots as AWS answers them: <c>&lt;DBInstances&gt;&lt;DBInstance&gt;</c>, MaxRecords
/// 20–100 (InvalidParameterValue otherwise), an opaque Marker, filters by member locationName
/// (<c>Filters.Filter.N.Values.Value.M</c>), DBInstanceNotFound / DBSnapshotNotFound (404) for a named resource that does not exist.
/// </summary>
public sealed class RdsHandler : ISampleServiceHandler
{
    private static readonly string[] Operations = ["DescribeDBInstances", "DescribeDBSnapshots"];
    private static readonly string[] SnapshotTypes = ["automated", "manual", "shared", "public", "awsbackup"];

    public AwsService Service => AwsService.Rds;

    public string ThrottleCode => "Throttling";

    public string? ResolveOperation(SampleCall call) => Operation(call, Service, Operations);

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct) => operation switch
    {
        "DescribeDBInstances" => DescribeDBInstancesAsync(call),
        _ => DescribeDBSnapshotsAsync(call),
    };

    private Task DescribeDBInstancesAsync(SampleCall call)
    {
        var filters = Filters(call);
        if (call.Form.TryGetValue("DBInstanceIdentifier", out var id))
        {
            filters.Add(("db-instance-id", [id]));
        }

        IEnumerable<RdsInstance> dbs = call.Dataset.RdsInstances.Where(d => d.Region == call.Region);
        foreach (var (name, values) in filters)
        {
            Func<RdsInstance, string?>[]? keys = name switch
            {
                "db-instance-id" => [d => d.DbInstanceIdentifier, d => d.DbInstanceArn],
                "db-cluster-id" => [d => d.DbClusterIdentifier],
                "dbi-resource-id" => [d => d.DbiResourceId],
                "engine" => [d => d.Engine],
                _ => null,
            };
            if (keys is null)
            {
                return WriteErrorAsync(call, Service, 400, "InvalidParameterValue", "Unrecognized filter name: " + name);
            }

            dbs = dbs.Where(d => keys.Any(k => k(d) is { } v && values.Contains(v)));
        }

        var list = dbs.OrderBy(d => d.DbInstanceIdentifier, StringComparer.Ordinal).ToList();
        if (id is not null && list.Count == 0)
        {
            return WriteErrorAsync(call, Service, 404, "DBInstanceNotFound", $"DBInstance {id} not found.");
        }

        return PageAsync(call, "DescribeDBInstances", list, "DBInstances", "DBInstance", Instance);
    }

    private Task DescribeDBSnapshotsAsync(SampleCall call)
    {
        var filters = Filters(call);
        if (call.Form.TryGetValue("DBInstanceIdentifier", out var instanceId))
        {
            filters.Add(("db-instance-id", [instanceId]));
        }

        if (call.Form.TryGetValue("DBSnapshotIdentifier", out var snapshotId))
        {
            filters.Add(("db-snapshot-id", [snapshotId]));
        }

        if (call.Form.TryGetValue("SnapshotType", out var type))
        {
            if (!SnapshotTypes.Contains(type))
            {
                return WriteErrorAsync(call, Service, 400, "InvalidParameterValue", "Invalid snapshot type: " + type);
            }

            filters.Add(("snapshot-type", [type]));
        }
        else if (!filters.Any(f => f.Name == "snapshot-type"))
        {
            // With no type asked for, RDS lists the account's own automated and manual snapshots.
            filters.Add(("snapshot-type", ["automated", "manual"]));
        }

        IEnumerable<RdsSnapshot> snapshots = call.Dataset.RdsSnapshots.Where(s => s.Region == call.Region);
        foreach (var (name, values) in filters)
        {
            Func<RdsSnapshot, string?>[]? keys = name switch
            {
                "db-instance-id" => [s => s.DbInstanceIdentifier],
                "db-snapshot-id" => [s => s.DbSnapshotIdentifier, s => s.DbSnapshotArn],
                "snapshot-type" => [s => s.SnapshotType],
                "engine" => [s => s.Engine],
                _ => null,
            };
            if (keys is null)
            {
                return WriteErrorAsync(call, Service, 400, "InvalidParameterValue", "Unrecognized filter name: " + name);
            }

            snapshots = snapshots.Where(s => keys.Any(k => k(s) is { } v && values.Contains(v)));
        }

        var list = snapshots.OrderBy(s => s.DbSnapshotIdentifier, StringComparer.Ordinal).ToList();
        if (snapshotId is not null && list.Count == 0)
        {
            return WriteErrorAsync(call, Service, 404, "DBSnapshotNotFound", $"DBSnapshot {snapshotId} not found.");
        }

        return PageAsync(call, "DescribeDBSnapshots", list, "DBSnapshots", "DBSnapshot", s => Snapshot(s, call));
    }

    private Task PageAsync<T>(SampleCall call, string operation, List<T> items, string listName, string memberName, Func<T, object?[]> write)
    {
        var maxRecords = 100;
        if (call.Form.TryGetValue("MaxRecords", out var raw)
            && (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxRecords) || maxRecords is < 20 or > 100))
        {
            return WriteErrorAsync(call, Service, 400, "InvalidParameterValue", $"Invalid value {raw} for MaxRecords. Must be between 20 and 100");
        }

        var scope = Scope(call, "Marker");
        var offset = 0;
        if (call.Form.TryGetValue("Marker", out var marker))
        {
            if (Offset(marker, scope) is not { } parsed)
            {
                return WriteErrorAsync(call, Service, 400, "InvalidParameterValue", "The parameter Marker is not valid.");
            }

            offset = parsed;
        }

        var size = Math.Min(maxRecords, call.Dataset.MaxPageSize);
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < items.Count ? Token(scope, offset + page.Count) : null;
        return WriteResultAsync(call, Service, operation,
            List(listName, page.Select(write), memberName),
            next is null ? null : new XElement("Marker", next));
    }

    private static List<(string Name, List<string> Values)> Filters(SampleCall call)
    {
        var filters = new List<(string, List<string>)>();
        for (var i = 1; call.Form.TryGetValue($"Filters.Filter.{i}.Name", out var name); i++)
        {
            filters.Add((name, [.. call.FormList($"Filters.Filter.{i}.Values.Value")]));
        }

        return filters;
    }

    private static object?[] Instance(RdsInstance d) =>
    [
        new XElement("DBInstanceIdentifier", d.DbInstanceIdentifier),
        new XElement("DBInstanceClass", d.DbInstanceClass),
        new XElement("Engine", d.Engine),
        new XElement("DBInstanceStatus", d.Status),
        new XElement("MasterUsername", "admin"),
        new XElement("Endpoint",
            new XElement("Address", $"{d.DbInstanceIdentifier}.c9akciq32.{d.Region}.rds.amazonaws.com"),
            new XElement("Port", d.Engine.Contains("postgres", StringComparison.Ordinal) ? 5432 : 3306)),
        new XElement("AllocatedStorage", d.AllocatedStorageGiB),
        Optional("InstanceCreateTime", d.InstanceCreateTime is { } t ? Time(t) : null),
        new XElement("PreferredBackupWindow", "03:00-03:30"),
        new XElement("BackupRetentionPeriod", 7),
        new XElement("AvailabilityZone", d.Region + "a"),
        new XElement("MultiAZ", Bool(d.MultiAz)),
        Optional("EngineVersion", d.EngineVersion),
        new XElement("AutoMinorVersionUpgrade", "true"),
        new XElement("ReadReplicaDBInstanceIdentifiers"),
        new XElement("LicenseModel", d.Engine.StartsWith("aurora", StringComparison.Ordinal) || d.Engine == "postgres" ? "postgresql-license" : "general-public-license"),
        Optional("Iops", d.Iops),
        Optional("StorageType", d.StorageType),
        Optional("DBClusterIdentifier", d.DbClusterIdentifier),
        new XElement("StorageEncrypted", "true"),
        Optional("DbiResourceId", d.DbiResourceId),
        new XElement("DBInstanceArn", d.DbInstanceArn),
        Tags(d.Tags),
    ];

    private static object?[] Snapshot(RdsSnapshot s, SampleCall call)
    {
        var instance = call.Dataset.RdsInstances.FirstOrDefault(d => d.Region == s.Region && d.DbInstanceIdentifier == s.DbInstanceIdentifier);
        return
        [
            new XElement("DBSnapshotIdentifier", s.DbSnapshotIdentifier),
            Optional("DBInstanceIdentifier", s.DbInstanceIdentifier),
            Optional("SnapshotCreateTime", s.SnapshotCreateTime is { } t ? Time(t) : null),
            Optional("Engine", s.Engine),
            new XElement("AllocatedStorage", s.AllocatedStorageGiB),
            new XElement("Status", s.Status),
            new XElement("Port", s.Engine?.Contains("postgres", StringComparison.Ordinal) == true ? 5432 : 3306),
            new XElement("AvailabilityZone", s.Region + "a"),
            Optional("InstanceCreateTime", instance?.InstanceCreateTime is { } c ? Time(c) : null),
            new XElement("MasterUsername", "admin"),
            Optional("EngineVersion", instance?.EngineVersion),
            new XElement("SnapshotType", s.SnapshotType),
            Optional("StorageType", s.StorageType),
            new XElement("Encrypted", "true"),
            new XElement("DBSnapshotArn", s.DbSnapshotArn),
            Optional("DbiResourceId", instance?.DbiResourceId),
            Optional("OriginalSnapshotCreateTime", s.SnapshotCreateTime is { } o ? Time(o) : null),
            new XElement("SnapshotTarget", "region"),
            Tags(s.Tags),
        ];
    }

    private static XElement Tags(IReadOnlyDictionary<string, string> tags) =>
        List("TagList", tags.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (object)new object[] { new XElement("Key", t.Key), new XElement("Value", t.Value) }), "Tag");

    private static XElement? Optional(string name, object? value) => value is null ? null : new XElement(name, value);
}
