using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

public sealed class CostOptimizationHubHandlerTests
{
    [Fact]
    public async Task Should_Return_Every_Enrollment_Recommendation_And_Summary_Over_Many_Pages()
    {
        // Given 13 active accounts and the known compute, pages of at most 3
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithKnownCompute().WithManyAccounts(10));
        var client = new CostOptimizationHubClient(session.Transport, "us-east-1");
        var expected = session.Dataset.CohRecommendations;

        // When the organization's enrollment, the recommendations and the summaries by action type are read
        var enrollment = (await client.ListEnrollmentStatusesAsync(includeOrganizationInfo: true, CancellationToken.None).ToListAsync())
            .SelectMany(p => p.Items!).ToList();
        var recommendations = await client.ListRecommendationsAsync(CancellationToken.None).ToListAsync();
        var summaries = await client.ListRecommendationSummariesAsync("ActionType", CancellationToken.None).ToListAsync();

        // Then every item arrives once, each list over several pages
        Assert.Equal(13, enrollment.Select(e => e.AccountId).Distinct().Count());
        Assert.Equal(expected.Select(r => r.RecommendationId), recommendations.Select(r => r.RecommendationId));
        Assert.Equal(expected.Select(r => r.ActionType).Distinct().Order(), summaries.SelectMany(p => p.Items!).Select(i => i.Group).Order());
        Assert.Equal(5, session.Calls("cost-optimization-hub:ListEnrollmentStatuses"));
        Assert.Equal((int)Math.Ceiling(expected.Count / 3.0), session.Calls("cost-optimization-hub:ListRecommendations"));
        Assert.True(session.Calls("cost-optimization-hub:ListRecommendationSummaries") > 1);
        Assert.All(summaries, p => Assert.Equal(expected.Sum(r => r.EstimatedMonthlySavings), p.EstimatedTotalDedupedSavings));
    }

    [Fact]
    public async Task Should_Not_Serve_Update_Operations_And_Name_Validation_Errors_With_A_Namespace()
    {
        // Given the sample account
        await using var session = await SampleAccountSession.StartAsync();

        // When an Update call is made, and a summary with a groupBy the hub does not know
        var update = await Assert.ThrowsAsync<AwsServiceException>(() => session.Transport.SendAsync(
            AwsJson.Request(AwsService.CostOptimizationHub, "us-east-1", "UpdateEnrollmentStatus", new { status = "Active" }), CancellationToken.None));
        var invalid = await Assert.ThrowsAsync<AwsServiceException>(() => new CostOptimizationHubClient(session.Transport, "us-east-1")
            .ListRecommendationSummariesAsync("Colour", CancellationToken.None).ToListAsync().AsTask());

        // Then the update is not an operation of the sample hub, and the namespaced __type reads as the bare code
        Assert.Equal("InvalidAction", update.ErrorCode);
        Assert.Equal("ValidationException", invalid.ErrorCode);
    }
}
