using FinOpsPack.Core.Collectors.CloudWatch;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.CloudWatch;

/// <summary>
/// GetMetricData (query protocol) against moto: datapoints put with boto3 over the last days come back as the daily
/// aggregates the collector records, and a series with missing days is recorded as incomplete.
/// </summary>
public sealed class CloudWatchMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Seed = """
        import boto3, datetime
        cw = boto3.client("cloudwatch")
        today = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
        def put(ns, name, dim, value_id, days, values):
            for d in range(1, days + 1):
                for h, v in zip((1, 13), values):
                    cw.put_metric_data(Namespace=ns, MetricData=[{"MetricName": name, "Dimensions": [{"Name": dim, "Value": value_id}],
                                                                  "Timestamp": today - datetime.timedelta(days=d) + datetime.timedelta(hours=h), "Value": v}])
        put("AWS/EC2", "CPUUtilization", "InstanceId", "i-0moto000000001", 14, (10.0, 30.0))
        put("AWS/EC2", "CPUUtilization", "InstanceId", "i-0moto000000002", 9, (50.0, 70.0))
        put("AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", "moto-db", 14, (0.0, 0.0))
        put("AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "moto-db", 14, (2.0, 4.0))
        put("AWS/NATGateway", "BytesOutToDestination", "NatGatewayId", "nat-0moto00000000001", 14, (1000.0, 500.0))
        put("AWS/EBS", "VolumeReadOps", "VolumeId", "vol-0moto00000001", 14, (3.0, 4.0))
        put("AWS/EBS", "VolumeWriteOps", "VolumeId", "vol-0moto00000001", 14, (5.0, 6.0))
        print("ok")
        """;

    [MotoFact]
    public async Task Should_Record_The_Daily_Aggregates_Moto_Holds_When_Collecting_Evidence()
    {
        // Given datapoints for the last 14 days (9 for one instance) and the inventory that points at them
        Assert.True(moto.Available, moto.Reason);
        moto.RunPython(Seed);
        using var transport = new QueryMotoTransport(moto);
        var inventory = new InventoryBuilder(QueryMotoTransport.MotoAccountId);
        var launched = DateTimeOffset.UtcNow.AddDays(-100);
        var tags = new Dictionary<string, string>();
        inventory.Add(new Ec2Instance("123456789012", "us-east-1", "i-0moto000000001", "m5.large", "running", launched, null, null, null, null, null, null, [], tags));
        inventory.Add(new Ec2Instance("123456789012", "us-east-1", "i-0moto000000002", "m5.large", "running", launched, null, null, null, null, null, null, [], tags));
        inventory.Add(new RdsInstance("123456789012", "us-east-1", "moto-db", "arn:aws:rds:us-east-1:123456789012:db:moto-db", "db.t3.micro", "mysql", null, "available", 20, null, null, false, launched, null, null, tags));
        inventory.Add(new NatGateway("123456789012", "us-east-1", "nat-0moto00000000001", "available", null, null, "public", launched, tags));
        inventory.Add(new EbsVolume("123456789012", "us-east-1", "vol-0moto00000001", "gp3", 8, null, null, "in-use", launched, null, null, [], false, tags));

        // When
        await new CloudWatchMetricsCollector().CollectAsync(transport.Context("us-east-1", inventory), default);

        // Then
        var m = inventory.List<MetricEvidence>().ToDictionary(e => $"{e.ResourceId} {e.MetricName} {e.Statistic}");
        Assert.Equal(2 + 2 + 3 + 1 + 2, m.Count);
        Assert.Equal((14, 14, "Complete", 20.0, 20.0), Aggregates(m["i-0moto000000001 CPUUtilization Average"]));
        Assert.Equal((14, 14, "Complete", 30.0, 30.0), Aggregates(m["i-0moto000000001 CPUUtilization Maximum"]));
        Assert.Equal((9, 14, "Complete", 60.0, 60.0), Aggregates(m["i-0moto000000002 CPUUtilization Average"]));
        Assert.False(m["i-0moto000000002 CPUUtilization Average"].Complete);
        Assert.Equal((14, 14, "Complete", 0.0, 0.0), Aggregates(m["moto-db DatabaseConnections Maximum"]));
        Assert.Equal(3.0, m["moto-db CPUUtilization Average"].Average);
        Assert.Equal(1500.0 * 14, m["nat-0moto00000000001 BytesOutToDestination Sum"].Sum);
        Assert.Equal(7.0 * 14, m["vol-0moto00000001 VolumeReadOps Sum"].Sum);
        Assert.Equal(11.0 * 14, m["vol-0moto00000001 VolumeWriteOps Sum"].Sum);
        Assert.All(m.Values.Where(e => e.ResourceId != "i-0moto000000002"), e => Assert.True(e.Complete, e.ResourceId + " " + e.MetricName));
        Assert.Equal(1, transport.CallsTo("cloudwatch:GetMetricData"));
    }

    private static (int, int, string, double?, double?) Aggregates(MetricEvidence e) =>
        (e.Datapoints, e.ExpectedDatapoints, e.StatusCode, e.Average, e.Maximum);
}
