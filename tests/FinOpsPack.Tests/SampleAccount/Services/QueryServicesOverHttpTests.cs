using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

/// <summary>The RDS, IAM and CloudWatch collectors through the real pipeline: SigV4, the Kestrel sample account, retries.</summary>
public sealed class QueryServicesOverHttpTests
{
    private static readonly string[] Mine = ["rds.instances", "rds.snapshots", "iam.authorization", "cloudwatch.metrics"];

    [Fact]
    public async Task Should_Return_The_Whole_Dataset_Across_Every_Page_When_Scanned_Over_Http_With_Throttling()
    {
        // Given the sample account throttling a third of the calls with the services' own code (Throttling)
        await using var harness = await SampleAccountHarness.StartAsync(new FaultPlan
        {
            ThrottleRate = 0.33, Seed = 5, ExemptServices = new HashSet<string> { "sts" },
        });
        var dataset = harness.Server.Dataset;

        // When both regions are scanned
        var request = harness.Request(regions: ["us-east-1", "eu-west-1"]);
        var result = await harness.ScanAsync(request);

        // Then my collectors all succeeded, and what they read is exactly the dataset
        Assert.All(result.Collectors.Where(o => Mine.Contains(o.Collector)), o => Assert.True(o.Status == CollectorStatus.Ok, $"{o.Collector} {o.Region}: {o.Describe()}"));
        Assert.True(result.Api.Throttled > 0);
        var inventory = result.Inventory;
        Assert.Equal(
            dataset.RdsInstances.OrderBy(d => d.Region + "/" + d.DbInstanceIdentifier, StringComparer.Ordinal).Select(Json),
            inventory.RdsInstances.Select(Json));
        Assert.Equal(
            dataset.RdsSnapshots.OrderBy(s => s.Region + "/" + s.DbSnapshotIdentifier, StringComparer.Ordinal).Select(Json),
            inventory.RdsSnapshots.Select(Json));
        Assert.Equal(dataset.IamRoles.Count + dataset.IamUsers.Count, inventory.IamPrincipals.Count);
        Assert.All(dataset.IamRoles, r => Assert.Equal(r.BedrockExpected, inventory.IamPrincipals.Single(p => p.Kind == PrincipalKind.Role && p.Name == r.Name).BedrockCapable));
        Assert.All(dataset.IamUsers, u => Assert.Equal(u.BedrockExpected, inventory.IamPrincipals.Single(p => p.Kind == PrincipalKind.User && p.Name == u.Name).BedrockCapable));
        Assert.Equal(new BedrockGovernance(11, 4, 0.3636m), inventory.BedrockGovernance);

        // every RDS instance has its three series, complete except where the dataset drops days on purpose
        foreach (var db in dataset.RdsInstances)
        {
            var series = inventory.Metrics.Where(m => m.ResourceId == db.DbInstanceIdentifier && m.Region == db.Region).ToList();
            Assert.Equal(3, series.Count);
            Assert.All(series, m => Assert.Equal(dataset.MetricProfiles[db.DbInstanceIdentifier].MissingDays == 0, m.Complete));
        }

        // and so has every running EC2 instance the dataset profiles (its CPU series read over the same pages)
        var profiled = dataset.Ec2Instances.Where(i => i.State == "running" && dataset.MetricProfiles.ContainsKey(i.InstanceId)).ToList();
        Assert.NotEmpty(profiled);
        foreach (var instance in profiled)
        {
            var profile = dataset.MetricProfiles[instance.InstanceId];
            var cpu = inventory.Metrics.Single(m => m.ResourceId == instance.InstanceId && m.MetricName == "CPUUtilization" && m.Statistic == "Average");
            Assert.True(cpu.Complete == (profile.MissingDays == 0), $"{instance.InstanceId}: {cpu.Datapoints}/{cpu.ExpectedDatapoints}");
            Assert.Equal(profile.CpuAveragePercent, cpu.Average);
        }

        // several pages each (MaxPageSize 3), and every served request made it into the audit trail
        var audit = (await File.ReadAllLinesAsync(Path.Combine(request.OutputDirectory, "audit.jsonl"))).Skip(1)
            .Select(l => JsonDocument.Parse(l).RootElement).Where(r => r.GetProperty("httpStatus").GetInt32() == 200).ToList();
        int Calls(string action) => audit.Count(r => r.GetProperty("action").GetString() == action);
        Assert.Equal(10, Calls("iam:GetAccountAuthorizationDetails"));
        Assert.Equal(2 + 2, Calls("rds:DescribeDBInstances"));
        Assert.True(Calls("cloudwatch:GetMetricData") > 2);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
