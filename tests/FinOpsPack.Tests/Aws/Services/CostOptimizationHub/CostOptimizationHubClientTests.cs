using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services.CostOptimizationHub;

public sealed class CostOptimizationHubClientTests
{
    [Fact]
    public async Task Should_Ask_For_Deduplicated_Pages_Of_1000_In_LowerCamel_And_Keep_Unknown_Enum_Values()
    {
        // Given two pages, one recommendation with an actionType the model does not list
        var transport = new RecordingTransport()
            .Reply("ListRecommendations", """{"items":[{"recommendationId":"r1","actionType":"Rightsize","estimatedMonthlySavings":12.5,"implementationEffort":"Medium"}],"nextToken":"n2"}""")
            .Reply("ListRecommendations", """{"items":[{"recommendationId":"r2","actionType":"HibernateOnWeekends","estimatedMonthlySavings":3,"implementationEffort":"Trivial","source":"SomethingNew"}]}""");

        // When all recommendations are read
        var items = await new CostOptimizationHubClient(transport, "us-east-1").ListRecommendationsAsync(CancellationToken.None).ToListAsync();

        // Then the request is json 1.0, lowerCamel, de-duplicated; unknown values are kept as text
        Assert.Equal(["Rightsize", "HibernateOnWeekends"], items.Select(i => i.ActionType));
        Assert.Equal(["Medium", "Trivial"], items.Select(i => i.ImplementationEffort));
        Assert.Equal(12.5m, items[0].EstimatedMonthlySavings);
        Assert.Equal("""{"includeAllRecommendations":false,"maxResults":1000}""", RecordingTransport.Text(transport.Requests[0]));
        Assert.Equal("""{"includeAllRecommendations":false,"maxResults":1000,"nextToken":"n2"}""", RecordingTransport.Text(transport.Requests[1]));
        Assert.Equal("application/x-amz-json-1.0", transport.Requests[0].ContentType);
        Assert.Equal("CostOptimizationHubService.ListRecommendations", transport.Requests[0].Headers!["X-Amz-Target"]);
    }

    [Fact]
    public async Task Should_Return_Pages_With_Their_Page_Level_Members_When_Listing_Summaries_And_Enrollment()
    {
        // Given summaries and enrollment answers
        var transport = new RecordingTransport()
            .Reply("ListRecommendationSummaries", """{"estimatedTotalDedupedSavings":99.5,"currencyCode":"USD","groupBy":"ResourceType","items":[{"group":"Ec2Instance","estimatedMonthlySavings":99.5,"recommendationCount":4}]}""")
            .Reply("ListEnrollmentStatuses", """{"items":[{"accountId":"123456789012","status":"Active","lastUpdatedTimestamp":1.7E9}],"includeMemberAccounts":true}""");
        var client = new CostOptimizationHubClient(transport, "us-east-1");

        // When both are read
        var summary = (await client.ListRecommendationSummariesAsync("ResourceType", CancellationToken.None).ToListAsync()).Single();
        var enrollment = (await client.ListEnrollmentStatusesAsync(false, CancellationToken.None).ToListAsync()).Single();

        // Then the page-level members are there, and the requests name groupBy and includeOrganizationInfo as COH spells them
        Assert.Equal(99.5m, summary.EstimatedTotalDedupedSavings);
        Assert.Equal(4, summary.Items!.Single().RecommendationCount);
        Assert.True(enrollment.IncludeMemberAccounts);
        Assert.Equal("Active", enrollment.Items!.Single().Status);
        Assert.Equal("""{"groupBy":"ResourceType","maxResults":1000}""", RecordingTransport.Text(transport.Sent("ListRecommendationSummaries")[0]));
        Assert.Equal("""{"includeOrganizationInfo":false,"maxResults":100}""", RecordingTransport.Text(transport.Sent("ListEnrollmentStatuses")[0]));
    }
}
