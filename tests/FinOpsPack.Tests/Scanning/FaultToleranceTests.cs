using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Scanning;

/// <summary>Throttling, 5xx, dropped connections and AccessDenied: what a scan keeps, says and exits with.</summary>
public sealed class FaultToleranceTests
{
    [Fact]
    public async Task Should_Collect_Exactly_What_A_Clean_Scan_Collects_When_30_Percent_Of_Calls_Are_Throttled_And_Some_Fail()
    {
        // Given one clean scan and one where 30% of calls are throttled, 5% answer 5xx and 3% lose their connection
        await using var harness = await SampleAccountHarness.StartAsync();
        var clean = await harness.ScanAsync(harness.Request("clean"));
        harness.Server.Faults = new FaultPlan { ThrottleRate = 0.30, ServerErrorRate = 0.05, DropRate = 0.03, Seed = 11 };
        harness.Server.ResetCounters();

        // When the faulty scan runs
        var faulty = await harness.ScanAsync(harness.Request("faulty"));

        // Then it retried its way to the very same inventory, and said so in its counters
        Assert.All(faulty.Collectors, o => Assert.Equal(CollectorStatus.Ok, o.Status));
        Assert.Equal(Json(clean.Inventory), Json(faulty.Inventory));
        Assert.True(faulty.Api.Throttled > 0, "no throttles were recorded");
        Assert.True(faulty.Api.Retries > 0, "no retries were recorded");
        Assert.Equal(0, faulty.Scan.ExitCode);
        // A connection dropped before any answer may be resent by the HTTP stack itself, unseen by the pipeline.
        Assert.InRange(faulty.Api.Attempts, faulty.Api.Calls + faulty.Api.Throttled, harness.Server.Served);
    }

    public static TheoryData<string> DeclaredActions()
    {
        var data = new TheoryData<string>();
        foreach (var action in CollectorCatalog.AllActions)
        {
            data.Add(action);
        }

        return data;
    }

    [Fact]
    public async Task Should_Complete_Every_Collector_When_A_Fallback_Action_Is_Denied_But_Not_Needed()
    {
        // Given the sample account denying GetBucketLocation, whose answer ListBuckets' BucketRegion already gives
        await using var harness = await SampleAccountHarness.StartAsync(new FaultPlan { DeniedActions = new HashSet<string> { "s3:GetBucketLocation" } });

        // When a scan runs
        var result = await harness.ScanAsync(harness.Request());

        // Then nothing is missing
        Assert.All(result.Collectors, o => Assert.True(o.Status is CollectorStatus.Ok or CollectorStatus.NotEnabled, $"{o.Collector}: {o.Describe()}"));
        Assert.Equal(ExitCodes.Ok, result.Scan.ExitCode);
    }

    [Theory]
    [MemberData(nameof(DeclaredActions))]
    public async Task Should_Report_Not_Permitted_For_That_Collector_Only_When_One_Action_Is_Denied(string action)
    {
        // Given the sample account denying one action, its S3 leaving BucketRegion out of ListBuckets so that every
        // declared action is needed (GetBucketLocation is asked only then)
        var dataset = SampleDataset.Create(DateTimeOffset.UtcNow, SampleAccountHarness.TestExternalId);
        dataset.S3ListsBucketRegion = false;
        await using var harness = await SampleAccountHarness.StartAsync(
            new FaultPlan { DeniedActions = new HashSet<string> { action } },
            new SampleAccountOptions { ExternalId = SampleAccountHarness.TestExternalId, Dataset = dataset });

        // When a scan runs
        var result = await harness.ScanAsync(harness.Request());

        // Then the collectors that need it say "not permitted: <action>", every other one completes, exit code 3
        var denied = result.Collectors.Where(o => o.Status == CollectorStatus.NotPermitted).ToList();
        Assert.NotEmpty(denied);
        Assert.All(denied, o => Assert.Equal("not permitted: " + action, o.Describe()));
        Assert.All(denied, o => Assert.Contains(action, CollectorCatalog.Find(o.Collector)!.RequiredActions));
        Assert.All(result.Collectors.Except(denied), o => Assert.True(
            o.Status is CollectorStatus.Ok or CollectorStatus.NotEnabled, $"{o.Collector} {o.Region}: {o.Describe()}"));
        Assert.Equal(ExitCodes.Partial, result.Scan.ExitCode);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ScanJson.Options);
}
