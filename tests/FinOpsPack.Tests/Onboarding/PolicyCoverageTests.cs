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
        // Given the sample account, when a full scan runs
        await using var harness = await SampleAccountHarness.StartAsync();
        var request = harness.Request("coverage");
        await harness.ScanAsync(request);

        // Then the actions its audit trail names, less the caller's own STS calls (made before any collector, with its own credentials), are the policy's actions
        var called = File.ReadLines(Path.Combine(request.OutputDirectory, "audit.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => !r.TryGetProperty("record", out var kind) || kind.GetString() != "header")
            .Where(r => r.TryGetProperty("collector", out _) || !r.GetProperty("action").GetString()!.StartsWith("sts:", StringComparison.Ordinal))
            .Select(r => r.GetProperty("action").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var policy = ReadOnlyPolicy.Current.AllowedPatterns.ToHashSet(StringComparer.Ordinal);

        Assert.True(called.IsSubsetOf(policy), "called but not in the policy: " + string.Join(", ", called.Except(policy)));
        Assert.True(policy.IsSubsetOf(called), "in the policy but never called by a full scan: " + string.Join(", ", policy.Except(called)));
    }
}
