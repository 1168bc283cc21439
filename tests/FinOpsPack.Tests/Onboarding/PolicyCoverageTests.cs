using System.Text.Json;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>
/// What the code really calls, read from a full scan's audit trail, equals the policy: nothing called that the policy
/// does not grant (the scan would fail in a real account), nothing granted that a full scan never calls (least privilege).
/// </summary>
public sealed class PolicyCoverageTests
{
    [Fact]
    public async Task Should_Call_Exactly_The_Policy_Actions_When_A_Full_Scan_Runs_Against_The_Sample_Account()
    {
        // Given the sample account as AWS answers today, and as an older S3 that leaves BucketRegion out of ListBuckets
        // (the one path that needs s3:GetBucketLocation), when a full scan runs against each
        var called = await CalledActionsAsync(s3ListsBucketRegion: true);
        var olderS3 = await CalledActionsAsync(s3ListsBucketRegion: false);

        // Then the actions their audit trails name, less the caller's own STS calls (made before any collector, with its own credentials), are the policy's actions
        Assert.Equal(["s3:GetBucketLocation"], olderS3.Except(called));
        called.UnionWith(olderS3);
        var policy = ReadOnlyPolicy.Current.AllowedPatterns.ToHashSet(StringComparer.Ordinal);

        Assert.True(called.IsSubsetOf(policy), "called but not in the policy: " + string.Join(", ", called.Except(policy)));
        Assert.True(policy.IsSubsetOf(called), "in the policy but never called by a full scan: " + string.Join(", ", policy.Except(called)));
    }

    private static async Task<HashSet<string>> CalledActionsAsync(bool s3ListsBucketRegion)
    {
        var dataset = SampleAccountSession.NewDataset();
        dataset.S3ListsBucketRegion = s3ListsBucketRegion;
        await using var harness = await SampleAccountHarness.StartAsync(options: new() { ExternalId = SampleAccountHarness.TestExternalId, Dataset = dataset });
        var request = harness.Request("coverage");
        await harness.ScanAsync(request);
        return File.ReadLines(Path.Combine(request.OutputDirectory, "audit.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => !r.TryGetProperty("record", out var kind) || kind.GetString() != "header")
            .Where(r => r.TryGetProperty("collector", out _) || !r.GetProperty("action").GetString()!.StartsWith("sts:", StringComparison.Ordinal))
            .Select(r => r.GetProperty("action").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
