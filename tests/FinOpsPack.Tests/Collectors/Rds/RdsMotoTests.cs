using System.Globalization;
using System.Text.Json;
using FinOpsPack.Core.Collectors.Rds;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Rds;

/// <summary>
/// RDS against moto, the independent emulator: what boto3 seeded comes back through our client and collectors, field for
/// field, and equal to what botocore itself parses from the same server.
/// </summary>
public sealed class RdsMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Seed = """
        import boto3, json
        out = {}
        for region, count in (("us-east-1", 25), ("eu-west-1", 3)):
            rds = boto3.client("rds", region_name=region)
            for i in range(count):
                engine = ("mysql", "postgres", "mariadb")[i % 3]
                kwargs = dict(DBInstanceIdentifier=f"{region[:2]}-db-{i:02d}", DBInstanceClass=("db.m5.large", "db.r5.xlarge", "db.t3.micro")[i % 3],
                              Engine=engine, EngineVersion={"mysql": "8.0.35", "postgres": "16.1", "mariadb": "10.11.6"}[engine], AllocatedStorage=20 + i, MasterUsername="admin", MasterUserPassword="password123",
                              MultiAZ=(i % 4 == 0), StorageType=("gp2", "gp3", "io1")[i % 3],
                              Tags=[{"Key": "env", "Value": ("prod", "dev")[i % 2]}, {"Key": "index", "Value": str(i)}])
                if kwargs["StorageType"] == "io1":
                    kwargs["Iops"] = 1000
                rds.create_db_instance(**kwargs)
            for i in range(0, count, 2):
                rds.create_db_snapshot(DBSnapshotIdentifier=f"{region[:2]}-manual-{i:02d}", DBInstanceIdentifier=f"{region[:2]}-db-{i:02d}",
                                       Tags=[{"Key": "purpose", "Value": "before-upgrade"}])
            out[region] = {
                "instances": [d for p in rds.get_paginator("describe_db_instances").paginate() for d in p["DBInstances"]],
                "snapshots": [s for p in rds.get_paginator("describe_db_snapshots").paginate() for s in p["DBSnapshots"]],
            }
        print(json.dumps(out, default=str))
        """;

    [MotoFact]
    public async Task Should_Return_Exactly_What_Was_Seeded_When_Collecting_From_Moto_In_Pages()
    {
        // Given 25 instances in us-east-1 and 3 in eu-west-1, with manual snapshots (moto adds automated ones)
        Assert.True(moto.Available, moto.Reason);
        using var seeded = JsonDocument.Parse(moto.RunPython(Seed));
        using var transport = new QueryMotoTransport(moto);
        var inventory = new InventoryBuilder(QueryMotoTransport.MotoAccountId);

        // When both collectors run in both regions, 20 records a page
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            await new RdsInstancesCollector { MaxRecords = 20 }.CollectAsync(transport.Context(region, inventory), default);
            await new RdsSnapshotsCollector { MaxRecords = 20 }.CollectAsync(transport.Context(region, inventory), default);
        }

        // Then every instance and snapshot is there with the seeded fields and botocore's reading of the rest
        var built = inventory.Build();
        Assert.Equal(3, transport.CallsTo("rds:DescribeDBInstances"));
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            var expected = seeded.RootElement.GetProperty(region);
            var instances = built.RdsInstances.Where(d => d.Region == region).ToList();
            Assert.Equal(region == "us-east-1" ? 25 : 3, instances.Count);
            Assert.Equal(expected.GetProperty("instances").GetArrayLength(), instances.Count);
            foreach (var b in expected.GetProperty("instances").EnumerateArray())
            {
                var d = instances.Single(x => x.DbInstanceIdentifier == b.GetProperty("DBInstanceIdentifier").GetString());
                var i = int.Parse(d.DbInstanceIdentifier[^2..], CultureInfo.InvariantCulture);
                Assert.Equal(QueryMotoTransport.MotoAccountId, d.AccountId);
                Assert.Equal(new[] { "db.m5.large", "db.r5.xlarge", "db.t3.micro" }[i % 3], d.DbInstanceClass);
                Assert.Equal(new[] { "mysql", "postgres", "mariadb" }[i % 3], d.Engine);
                Assert.Equal(20 + i, d.AllocatedStorageGiB);
                Assert.Equal(i % 4 == 0, d.MultiAz);
                Assert.Equal(new[] { "gp2", "gp3", "io1" }[i % 3], d.StorageType);
                Assert.Equal(i % 3 == 2 ? 1000 : null, d.Iops);
                Assert.Equal(new Dictionary<string, string> { ["env"] = i % 2 == 0 ? "prod" : "dev", ["index"] = i.ToString(CultureInfo.InvariantCulture) }, d.Tags);
                Assert.Equal(b.GetProperty("DBInstanceArn").GetString(), d.DbInstanceArn);
                Assert.Equal(b.GetProperty("DbiResourceId").GetString(), d.DbiResourceId);
                Assert.Equal(b.GetProperty("DBInstanceStatus").GetString(), d.Status);
                Assert.Equal(new[] { "8.0.35", "16.1", "10.11.6" }[i % 3], d.EngineVersion);
                Assert.Equal(DateTimeOffset.Parse(b.GetProperty("InstanceCreateTime").GetString()!, CultureInfo.InvariantCulture), d.InstanceCreateTime);
            }

            var snapshots = built.RdsSnapshots.Where(s => s.Region == region).ToList();
            Assert.Equal(expected.GetProperty("snapshots").GetArrayLength(), snapshots.Count);
            foreach (var b in expected.GetProperty("snapshots").EnumerateArray())
            {
                var s = snapshots.Single(x => x.DbSnapshotIdentifier == b.GetProperty("DBSnapshotIdentifier").GetString());
                Assert.Equal(b.GetProperty("SnapshotType").GetString(), s.SnapshotType);
                Assert.Equal(b.GetProperty("DBInstanceIdentifier").GetString(), s.DbInstanceIdentifier);
                Assert.Equal(b.GetProperty("DBSnapshotArn").GetString(), s.DbSnapshotArn);
                Assert.Equal(b.GetProperty("AllocatedStorage").GetInt32(), s.AllocatedStorageGiB);
                Assert.Equal(b.GetProperty("Engine").GetString(), s.Engine);
                Assert.Equal(DateTimeOffset.Parse(b.GetProperty("SnapshotCreateTime").GetString()!, CultureInfo.InvariantCulture), s.SnapshotCreateTime);
                if (s.SnapshotType == "manual")
                {
                    Assert.Equal("before-upgrade", s.Tags["purpose"]);
                }
            }

            Assert.Equal((region == "us-east-1" ? 13 : 2), snapshots.Count(s => s.SnapshotType == "manual"));
        }
    }
}
