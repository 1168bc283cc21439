using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Protocol;

public sealed class PaginatorPriorityTests
{
    [Fact]
    public async Task Should_Mark_Continuations_And_Account_Wide_Pages_Urgent_When_Paginating()
    {
        var seen = new List<(string? Token, bool Regional, bool Global)>();
        var pages = new Dictionary<string, string?> { [""] = "t1", ["t1"] = "t2", ["t2"] = null };

        await foreach (var _ in Paginator.PaginateAsync(
            (token, _) =>
            {
                seen.Add((token, CallPriority.IsUrgent(AwsService.Ec2), CallPriority.IsUrgent(AwsService.CostOptimizationHub)));
                return Task.FromResult(pages[token ?? ""]);
            },
            next => next,
            _ => new[] { 1 },
            CancellationToken.None))
        {
        }

        // A regional listing's first page queues like any call; its continuations, and every page of an account-wide
        // (global) listing, go first.
        Assert.Equal([(null, false, true), ("t1", true, true), ("t2", true, true)], seen);
    }

    [Fact]
    public void Should_Leave_Calls_Outside_A_Listing_Ordinary_When_Nothing_Was_Marked() =>
        Assert.False(CallPriority.IsUrgent(AwsService.CostOptimizationHub));
}
