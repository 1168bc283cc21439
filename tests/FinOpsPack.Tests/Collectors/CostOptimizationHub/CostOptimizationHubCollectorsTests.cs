using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.CostOptimizationHub;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.CostOptimizationHub;

public sealed class CostOptimizationHubCollectorsTests
{
    public static readonly IReadOnlyList<string> All = ["coh.enrollment", "coh.preferences", "coh.recommendations", "coh.summaries"];

    [Fact]
    public async Task Should_Read_One_Recommendation_Per_Resource_Naming_Resources_Of_The_Inventory()
    {
        // Given an enrolled hub whose recommendations cover the known compute and the Lambda functions
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithKnownCompute());
        var d = session.Dataset;

        // When the hub's collectors run
        var (inventory, outcomes) = await session.RunAsync(All);

        // Then all are ok, and the recommendations are the hub's de-duplicated list, ARN qualifiers stripped
        Assert.All(outcomes, o => Assert.Equal(CollectorStatus.Ok, o.Status));
        Assert.Equal(new CohEnrollment(d.AccountId, "Active", true), inventory.CohEnrollment);
        Assert.Equal(new CohPreferences("AfterDiscounts", "All", "OneYear", "NoUpfront"), inventory.CohPreferences);
        var expected = d.CohRecommendations
            .Select(r => r with { ResourceArn = r.ResourceArn!.EndsWith(":$LATEST", StringComparison.Ordinal) ? r.ResourceArn[..^8] : r.ResourceArn })
            .OrderBy(r => r.RecommendationId, StringComparer.Ordinal);
        Assert.Equal(expected, inventory.CohRecommendations);

        // And every recommendation names a resource of the inventory lists by its ARN
        var arns = d.Ec2Instances.Select(i => $"arn:aws:ec2:{i.Region}:{i.AccountId}:instance/{i.InstanceId}")
            .Concat(d.EbsVolumes.Select(v => $"arn:aws:ec2:{v.Region}:{v.AccountId}:volume/{v.VolumeId}"))
            .Concat(d.RdsInstances.Select(r => r.DbInstanceArn))
            .Concat(d.LambdaFunctions.Select(f => f.FunctionArn)).ToHashSet(StringComparer.Ordinal);
        Assert.All(inventory.CohRecommendations, r => Assert.Contains(r.ResourceArn!, arns));
        Assert.Equal(inventory.CohRecommendations.Count, inventory.CohRecommendations.Select(r => r.ResourceArn).Distinct().Count());
    }

    [Fact]
    public async Task Should_Keep_The_Higher_Saving_Of_Incompatible_Recommendations_And_Unknown_Action_Types()
    {
        // Given a low-CPU m5.xlarge (rightsize or Graviton) and an unattached gp2 volume (delete or upgrade)
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithKnownCompute());
        var all = session.Dataset.CohAllRecommendations;

        // When the recommendations are collected
        var (inventory, _) = await session.RunAsync(["coh.enrollment", "coh.recommendations"]);

        // Then each of those resources has the one alternative with the higher saving
        foreach (var resource in new[] { "i-0lowcpu00000m5xl", "vol-0unattachedgp2" })
        {
            var alternatives = all.Where(r => r.ResourceId == resource).ToList();
            Assert.Equal(2, alternatives.Count);
            var kept = Assert.Single(inventory.CohRecommendations, r => r.ResourceId == resource);
            Assert.Equal(alternatives.Max(r => r.EstimatedMonthlySavings), kept.EstimatedMonthlySavings);
        }

        Assert.Equal("Rightsize", inventory.CohRecommendations.Single(r => r.ResourceId == "i-0lowcpu00000m5xl").ActionType);
        Assert.Equal("Delete", inventory.CohRecommendations.Single(r => r.ResourceId == "vol-0unattachedgp2").ActionType);
        Assert.Contains(inventory.CohRecommendations, r => r.ActionType == "ReduceProvisionedConcurrency");
    }

    [Fact]
    public async Task Should_Agree_With_The_Hub_Deduplicated_Total_When_Summaries_Are_Read()
    {
        // Given the sample hub
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithKnownCompute());

        // When recommendations and summaries are collected
        var (inventory, _) = await session.RunAsync(All);

        // Then the hub's de-duplicated total and count equal the recommendations read
        Assert.Equal(
            new CohSummary(inventory.CohRecommendations.Sum(r => r.EstimatedMonthlySavings), "USD", inventory.CohRecommendations.Count),
            inventory.CohSummary);
    }

    [Fact]
    public async Task Should_Be_Not_Enabled_Without_Further_Calls_When_The_Hub_Is_Not_Enrolled()
    {
        // Given a hub that is not enrolled
        var dataset = SampleAccountSession.NewDataset();
        dataset.CohEnrolled = false;
        await using var session = await SampleAccountSession.StartAsync(dataset);

        // When the hub's collectors run
        var (inventory, outcomes) = await session.RunAsync(All);

        // Then all four say "not enabled" with how to enable it, and only the enrollment was read
        Assert.All(outcomes, o =>
        {
            Assert.Equal(CollectorStatus.NotEnabled, o.Status);
            Assert.Contains(EnrollmentCollector.HowToEnable, o.Reason, StringComparison.Ordinal);
        });
        Assert.Equal("Inactive", inventory.CohEnrollment!.Status);
        Assert.Empty(inventory.CohRecommendations);
        Assert.Equal(["cost-optimization-hub:ListEnrollmentStatuses"], session.Audit.Records.Select(r => r.Action).Distinct());
    }

    [Fact]
    public async Task Should_Drop_A_Second_Recommendation_For_One_Resource_And_Note_It_When_AWS_Returns_Both()
    {
        // Given a page naming one Lambda function twice (qualified ARNs) and one volume
        var transport = new RecordingTransport().Reply("ListRecommendations", """
            {"items":[
              {"recommendationId":"a","resourceArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST","resourceId":"f","actionType":"Rightsize","estimatedMonthlySavings":4,"currencyCode":"USD"},
              {"recommendationId":"b","resourceArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST","resourceId":"f","actionType":"SomeFutureAction","estimatedMonthlySavings":9,"currencyCode":"USD"},
              {"recommendationId":"c","resourceArn":"arn:aws:ec2:us-east-1:123456789012:volume/vol-1","resourceId":"vol-1","actionType":"Delete","estimatedMonthlySavings":2,"currencyCode":"USD"}]}
            """);
        var builder = new InventoryBuilder("123456789012");
        var context = new CollectorContext(transport, builder, new ScanSettings(), TimeProvider.System, null, []);

        // When the recommendations are collected
        await new RecommendationsCollector().CollectAsync(context, CancellationToken.None);

        // Then the function keeps its higher saving (an unknown action type, kept) under its unqualified ARN
        var kept = builder.Build().CohRecommendations;
        Assert.Equal(["b", "c"], kept.Select(r => r.RecommendationId));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:f", kept[0].ResourceArn);
        Assert.Equal("SomeFutureAction", kept[0].ActionType);
        Assert.Single(context.Notes);
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST", "arn:aws:lambda:us-east-1:123456789012:function:f")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f:7", "arn:aws:lambda:us-east-1:123456789012:function:f")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:lambda:us-east-1:123456789012:function:f")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:instance/i-1", "arn:aws:ec2:us-east-1:123456789012:instance/i-1")]
    [InlineData("arn:aws:rds:us-east-1:123456789012:db:reports-db", "arn:aws:rds:us-east-1:123456789012:db:reports-db")]
    public void Should_Strip_Only_A_Version_Qualifier_When_The_Arn_Has_Seven_Colons(string arn, string expected) =>
        Assert.Equal(expected, RecommendationsCollector.WithoutVersionQualifier(arn));
}
