using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.S3;

public sealed class S3BucketsCollectorTests
{
    [Fact]
    public async Task Should_Collect_Every_Bucket_With_Region_And_Lifecycle_And_Note_A_Denied_Lifecycle()
    {
        // Given buckets in two regions, one whose lifecycle read is denied
        await using var session = await SampleAccountSession.StartAsync();

        // When the S3 collector runs
        var (inventory, outcomes) = await session.RunAsync(["s3.buckets"]);

        // Then every bucket is there as the dataset has it (the denied one with unknown rules), with a note
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.Ok, outcome.Status);
        Assert.Equal(Json(session.Dataset.S3Buckets.OrderBy(b => b.Name, StringComparer.Ordinal)), Json(inventory.S3Buckets));
        Assert.Null(inventory.S3Buckets.Single(b => b.Name == "acme-backups-eu").LifecycleRules);
        Assert.Equal(["lifecycle of bucket acme-backups-eu not readable: AccessDenied"], outcome.Notes);

        // and the regions came with the listing (BucketRegion): no GetBucketLocation, one lifecycle read per bucket
        Assert.Equal(0, session.Calls("s3:GetBucketLocation"));
        Assert.Equal(session.Dataset.S3Buckets.Count, session.Calls("s3:GetLifecycleConfiguration"));
    }

    [Fact]
    public async Task Should_Ask_Each_Bucket_Its_Location_When_ListBuckets_Leaves_The_Region_Out()
    {
        // Given an S3 that answers ListBuckets without BucketRegion (older implementations)
        var dataset = SampleAccountSession.NewDataset();
        dataset.S3ListsBucketRegion = false;
        await using var session = await SampleAccountSession.StartAsync(dataset);

        // When the S3 collector runs
        var (inventory, _) = await session.RunAsync(["s3.buckets"]);

        // Then each bucket's region came from GetBucketLocation, and is the same as the listing would have said
        Assert.Equal(dataset.S3Buckets.Count, session.Calls("s3:GetBucketLocation"));
        Assert.Equal(dataset.S3Buckets.Select(b => (b.Name, b.Region)).Order(), inventory.S3Buckets.Select(b => (b.Name, b.Region)).Order());
    }

    [Fact]
    public async Task Should_Keep_The_Buckets_And_Report_The_Missing_Permission_When_No_Lifecycle_May_Be_Read()
    {
        // Given a role without s3:GetLifecycleConfiguration
        await using var session = await SampleAccountSession.StartAsync(
            faults: new FaultPlan { DeniedActions = new HashSet<string> { "s3:GetLifecycleConfiguration" } });

        // When the S3 collector runs
        var (inventory, outcomes) = await session.RunAsync(["s3.buckets"]);

        // Then it says which action is missing, and still lists every bucket with its region
        Assert.Equal("not permitted: s3:GetLifecycleConfiguration", Assert.Single(outcomes).Describe());
        Assert.Equal(session.Dataset.S3Buckets.Select(b => (b.Name, b.Region)).Order(), inventory.S3Buckets.Select(b => (b.Name, b.Region)).Order());
        Assert.All(inventory.S3Buckets, b => Assert.Null(b.LifecycleRules));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ScanJson.Options);
}
