using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.CloudWatch;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.SampleAccount;

namespace FinOpsPack.Tests.Collectors.CloudWatch;

public sealed class CloudWatchMetricsCollectorTests
{
    private static readonly Dictionary<string, string> NoTags = [];
    private static readonly DateTimeOffset WindowStart = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = new(2026, 3, 18, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The sample account (all of it, the EC2 part included) plus resources of this test's own, "cwtest" in their ids.</summary>
    private static (InProcessSampleAccount Account, InventoryBuilder Inventory) Account()
    {
        var account = InProcessSampleAccount.Create();
        var d = account.Dataset;
        var old = InProcessSampleAccount.Now.AddDays(-100);
        d.Ec2Instances.Add(new Ec2Instance(d.AccountId, "us-east-1", "i-0cwtest00000001", "m5.large", "running", old, null, null, null, null, null, null, [], NoTags));
        d.Ec2Instances.Add(new Ec2Instance(d.AccountId, "us-east-1", "i-0cwtest00000002", "m5.large", "stopped", old, old.AddDays(50), null, null, null, null, null, [], NoTags));
        d.Ec2Instances.Add(new Ec2Instance(d.AccountId, "eu-west-1", "i-0cwtest000000eu", "m5.large", "running", old, null, null, null, null, null, null, [], NoTags));
        d.EbsVolumes.Add(new EbsVolume(d.AccountId, "us-east-1", "vol-0cwtest0000001", "gp3", 100, 3000, 125, "in-use", old, null, null, ["i-0cwtest00000001"], true, NoTags));
        d.EbsVolumes.Add(new EbsVolume(d.AccountId, "us-east-1", "vol-0cwtest0000002", "gp3", 100, 3000, 125, "available", old, null, null, [], true, NoTags));
        d.NatGateways.Add(new NatGateway(d.AccountId, "us-east-1", "nat-0cwtest000000001", "available", null, null, "public", old, NoTags));
        d.MetricProfiles["i-0cwtest00000001"] = new SampleMetricProfile(CpuAveragePercent: 4, CpuMaxPercent: 9);
        d.MetricProfiles["i-0cwtest00000002"] = new SampleMetricProfile(CpuAveragePercent: 50, CpuMaxPercent: 90);
        d.MetricProfiles["i-0cwtest000000eu"] = new SampleMetricProfile(CpuAveragePercent: 50, CpuMaxPercent: 90);
        d.MetricProfiles["vol-0cwtest0000001"] = new SampleMetricProfile(VolumeOpsPerDay: 1000);
        d.MetricProfiles["nat-0cwtest000000001"] = new SampleMetricProfile(NatBytesOutPerDay: 5e9);

        // What the collectors this one depends on would have written.
        var inventory = new InventoryBuilder(d.AccountId);
        inventory.AddRange(d.Ec2Instances);
        inventory.AddRange(d.EbsVolumes);
        inventory.AddRange(d.NatGateways);
        inventory.AddRange(d.RdsInstances);
        return (account, inventory);
    }

    private static IReadOnlyList<PlannedMetric> Plan(InventoryBuilder inventory, string region) =>
        MetricPlan.For(region, WindowStart, WindowEnd, inventory.List<Ec2Instance>(), inventory.List<RdsInstance>(),
            inventory.List<NatGateway>(), inventory.List<EbsVolume>());

    private static MetricEvidence Evidence(IEnumerable<MetricEvidence> all, string id, string metric, string stat) =>
        all.Single(m => m.ResourceId == id && m.MetricName == metric && m.Statistic == stat);

    [Fact]
    public async Task Should_Aggregate_Every_Daily_Datapoint_When_Pages_Split_The_Series()
    {
        // Given
        var (account, inventory) = Account();

        // When
        await new CloudWatchMetricsCollector().CollectAsync(account.Context("us-east-1", inventory), default);

        // Then
        var metrics = inventory.List<MetricEvidence>();
        Assert.True(account.CallsTo("GetMetricData") > 1, "the datapoints should need several pages");
        Assert.All(metrics, m =>
        {
            Assert.Equal("us-east-1", m.Region);
            Assert.Equal((WindowStart, WindowEnd, 86400), (m.WindowStart, m.WindowEnd, m.PeriodSeconds));
        });

        var cpu = Evidence(metrics, "i-0cwtest00000001", "CPUUtilization", "Average");
        Assert.Equal((14, 14, "Complete", true), (cpu.Datapoints, cpu.ExpectedDatapoints, cpu.StatusCode, cpu.Complete));
        Assert.Equal((4.0, 4.0, (double?)null), (cpu.Average, cpu.Maximum, cpu.Sum));
        Assert.Equal(9.0, Evidence(metrics, "i-0cwtest00000001", "CPUUtilization", "Maximum").Maximum);
        Assert.Equal(7000.0, Evidence(metrics, "vol-0cwtest0000001", "VolumeReadOps", "Sum").Sum);
        Assert.Equal(7000.0, Evidence(metrics, "vol-0cwtest0000001", "VolumeWriteOps", "Sum").Sum);
        Assert.Equal(70e9, Evidence(metrics, "nat-0cwtest000000001", "BytesOutToDestination", "Sum").Sum);

        var idle = Evidence(metrics, "reporting-replica-idle", "DatabaseConnections", "Maximum");
        Assert.Equal((14, 0.0, true), (idle.Datapoints, idle.Maximum, idle.Complete));
        Assert.Equal(68.0, Evidence(metrics, "orders-prod-pg", "CPUUtilization", "Average").Average);
        Assert.Equal(5 * 3, metrics.Count(m => m.Namespace == "AWS/RDS"));

        Assert.DoesNotContain(metrics, m => m.ResourceId is "i-0cwtest00000002" or "vol-0cwtest0000002" or "i-0cwtest000000eu");
    }

    [Fact]
    public async Task Should_Record_Incomplete_Evidence_When_Days_Are_Missing_And_Expect_Fewer_When_A_Resource_Is_New()
    {
        var (account, inventory) = Account();

        await new CloudWatchMetricsCollector().CollectAsync(account.Context("eu-west-1", inventory), default);

        var metrics = inventory.List<MetricEvidence>();
        var fresh = Evidence(metrics, "eu-newly-created-pg", "CPUUtilization", "Average");
        Assert.Equal((5, 5, true), (fresh.Datapoints, fresh.ExpectedDatapoints, fresh.Complete));
        var flaky = Evidence(metrics, "eu-flaky-metrics-mysql", "CPUUtilization", "Average");
        Assert.Equal((11, 14, "Complete", false), (flaky.Datapoints, flaky.ExpectedDatapoints, flaky.StatusCode, flaky.Complete));
        Assert.Equal(18.0, flaky.Average);
        Assert.Equal(50.0, Evidence(metrics, "i-0cwtest000000eu", "CPUUtilization", "Average").Average);
    }

    [Fact]
    public async Task Should_Send_No_More_Queries_Than_The_Batch_Size_When_Batching()
    {
        var (account, inventory) = Account();

        await new CloudWatchMetricsCollector { BatchSize = 4 }.CollectAsync(account.Context("us-east-1", inventory), default);

        var perCall = account.Calls.Select(c => c.Form.Keys.Count(k => k.EndsWith(".Id", StringComparison.Ordinal))).ToList();
        Assert.All(perCall, n => Assert.InRange(n, 1, 4));
        var planned = Plan(inventory, "us-east-1");
        Assert.Equal((planned.Count + 3) / 4, account.Calls.Count(c => !c.Form.ContainsKey("NextToken")));
        var evidence = inventory.List<MetricEvidence>();
        Assert.Equal(planned.Count, evidence.Count);
        Assert.All(evidence.Where(m => m.ResourceId.Contains("cwtest", StringComparison.Ordinal) || m.Namespace == "AWS/RDS"),
            m => Assert.True(m.Complete, $"{m.ResourceId} {m.MetricName}"));
    }

    [Fact]
    public async Task Should_Fill_Calls_Up_To_500_Queries_When_There_Are_More()
    {
        // Given 300 more in-use volumes (600 more queries, no datapoints: one page per batch)
        var (account, inventory) = Account();
        var d = account.Dataset;
        var volumes = Enumerable.Range(0, 300).Select(i => new EbsVolume(
            d.AccountId, "us-east-1", $"vol-bulk{i:D10}", "gp3", 8, null, null, "in-use", null, null, null, [], false, NoTags)).ToList();
        inventory.AddRange(volumes);

        // When
        await new CloudWatchMetricsCollector().CollectAsync(account.Context("us-east-1", inventory), default);

        // Then the queries went in first calls of 500 and the rest, and none was dropped
        var planned = Plan(inventory, "us-east-1").Count;
        Assert.InRange(planned, 601, 1000);
        var firstPages = account.Calls.Where(c => !c.Form.ContainsKey("NextToken"))
            .Select(c => c.Form.Keys.Count(k => k.EndsWith(".Id", StringComparison.Ordinal))).Order().ToList();
        Assert.Equal([planned - 500, 500], firstPages);
        Assert.Equal(planned, inventory.List<MetricEvidence>().Count);
        var bulk = inventory.List<MetricEvidence>().Where(m => m.ResourceId.StartsWith("vol-bulk", StringComparison.Ordinal)).ToList();
        Assert.Equal(600, bulk.Count);
        Assert.All(bulk, m => Assert.Equal((0, 14, "Complete", false), (m.Datapoints, m.ExpectedDatapoints, m.StatusCode, m.Complete)));
        Assert.All(bulk, m => Assert.Null(m.Average));
    }

    [Fact]
    public async Task Should_Call_Nothing_When_The_Region_Has_Nothing_To_Measure()
    {
        var account = InProcessSampleAccount.Create();
        var context = account.Context("eu-west-1", new InventoryBuilder(account.Dataset.AccountId));

        await new CloudWatchMetricsCollector().CollectAsync(context, default);

        Assert.Empty(account.Calls);
        Assert.Single(context.Notes);
    }

    [Fact]
    public void Should_Depend_On_The_Inventory_Collectors_It_Reads_When_Declared()
    {
        ICollector collector = new CloudWatchMetricsCollector();

        Assert.Equal(["ec2.instances", "ec2.nat-gateways", "ebs.volumes", "rds.instances"], collector.DependsOn);
        Assert.Equal(["cloudwatch:GetMetricData"], collector.RequiredActions);
        Assert.Equal(CollectorScope.Regional, collector.Scope);
    }
}
