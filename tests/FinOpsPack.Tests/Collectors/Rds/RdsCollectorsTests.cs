using System.Text.Json;
using FinOpsPack.Core.Collectors.Rds;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.SampleAccount;

namespace FinOpsPack.Tests.Collectors.Rds;

public sealed class RdsCollectorsTests
{
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public async Task Should_Collect_Every_Instance_Of_The_Region_Exactly_When_Paging_Through_The_Sample_Account(string region)
    {
        // Given
        var account = InProcessSampleAccount.Create();
        var context = account.Context(region);

        // When
        await new RdsInstancesCollector().CollectAsync(context, default);

        // Then: field for field what the dataset holds, over more than one page
        var expected = account.Dataset.RdsInstances.Where(d => d.Region == region).OrderBy(d => d.DbInstanceIdentifier, StringComparer.Ordinal).ToList();
        var collected = context.Inventory.Build().RdsInstances;
        Assert.Equal(expected.Select(Json), collected.Select(Json));
        Assert.Equal((expected.Count + account.Dataset.MaxPageSize - 1) / account.Dataset.MaxPageSize, account.CallsTo("DescribeDBInstances"));
        Assert.True(account.CallsTo("DescribeDBInstances") > 1);
        Assert.All(account.Calls, c => Assert.Equal("100", c.Form["MaxRecords"]));
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public async Task Should_Collect_Every_Manual_And_Automated_Snapshot_When_Paging_Through_The_Sample_Account(string region)
    {
        var account = InProcessSampleAccount.Create();
        var context = account.Context(region);

        await new RdsSnapshotsCollector().CollectAsync(context, default);

        var expected = account.Dataset.RdsSnapshots.Where(s => s.Region == region).OrderBy(s => s.DbSnapshotIdentifier, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(Json), context.Inventory.Build().RdsSnapshots.Select(Json));
        Assert.DoesNotContain(account.Calls, c => c.Form.ContainsKey("SnapshotType"));
    }

    [Fact]
    public async Task Should_Keep_The_Deliberate_Cases_When_Collecting()
    {
        var account = InProcessSampleAccount.Create();
        var inventory = new InventoryBuilder(account.Dataset.AccountId);
        foreach (var region in account.Dataset.EnabledRegions)
        {
            await new RdsInstancesCollector().CollectAsync(account.Context(region, inventory), default);
            await new RdsSnapshotsCollector().CollectAsync(account.Context(region, inventory), default);
        }

        var built = inventory.Build();
        Assert.Contains(built.RdsInstances, d => d.DbInstanceClass.StartsWith("db.m4.", StringComparison.Ordinal));
        Assert.Contains(built.RdsInstances, d => d.MultiAz && d.Tags.GetValueOrDefault("env") == "dev");
        Assert.Contains(built.RdsInstances, d => d.DbClusterIdentifier == "analytics-aurora" && d.Engine == "aurora-postgresql");
        Assert.Contains(built.RdsSnapshots, s => s.SnapshotType == "manual" && s.SnapshotCreateTime < InProcessSampleAccount.Now.AddDays(-180));
        Assert.Contains(built.RdsSnapshots, s => s.SnapshotType == "automated" && s.DbSnapshotIdentifier.StartsWith("rds:", StringComparison.Ordinal));
        Assert.Contains(built.RdsSnapshots, s => built.RdsInstances.All(d => d.DbInstanceIdentifier != s.DbInstanceIdentifier));
    }

    [Fact]
    public void Should_Declare_Exactly_The_Describe_Actions_When_Listing_Permissions()
    {
        Assert.Equal(["rds:DescribeDBInstances"], new RdsInstancesCollector().RequiredActions);
        Assert.Equal(["rds:DescribeDBSnapshots"], new RdsSnapshotsCollector().RequiredActions);
    }

    private static string Json<T>(T record) => JsonSerializer.Serialize(record);
}
