using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.S3;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.S3;

public sealed class S3BucketNoLifecycleRulesTests
{
    private readonly S3BucketNoLifecycleRules _check = new();

    [Fact]
    public void Should_Report_When_The_Bucket_Has_No_Enabled_Rule()
    {
        var inventory = Inventory() with { S3Buckets = [Bucket("logs", []), Bucket("old", [Rule("Disabled")])] };

        var (findings, _) = CheckRun.Evaluate(_check, inventory);

        Assert.Equal(["logs", "old"], findings.Select(f => f.ResourceId));
        Assert.All(findings, f => Assert.Null(f.Savings.MonthlyAmount));
        Assert.Equal("arn:aws:s3:::logs", findings[0].ResourceArn);
    }

    [Fact]
    public void Should_Not_Report_When_A_Rule_Is_Enabled() =>
        Assert.Empty(CheckRun.Evaluate(_check, Inventory() with { S3Buckets = [Bucket("b", [Rule()])] }).Findings);

    [Fact]
    public void Should_Report_A_Gap_When_The_Lifecycle_Could_Not_Be_Read()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, Inventory() with { S3Buckets = [Bucket("b", rules: null)] });

        Assert.Empty(findings);
        Assert.Equal("b", Assert.Single(gaps).ResourceId);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Bucket_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { S3Buckets = [Bucket("b", [])] }, EvidenceNames.S3Buckets);
}
