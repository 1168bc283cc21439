using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.S3;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.S3;

public sealed class S3BucketMultipartAbortMissingTests
{
    private readonly S3BucketMultipartAbortMissing _check = new();

    [Fact]
    public void Should_Report_When_Enabled_Rules_Never_Abort_Uploads()
    {
        var finding = CheckRun.Single(_check, Inventory() with { S3Buckets = [Bucket("data", [Rule(abortDays: null)])] });

        Assert.Equal("data", finding.ResourceId);
        Assert.Null(finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_A_Rule_Aborts_Or_No_Rule_Exists()
    {
        // No rule at all is s3_bucket_no_lifecycle_rules' finding, not a second one here
        var inventory = Inventory() with { S3Buckets = [Bucket("ok", [Rule(abortDays: 7)]), Bucket("none", [])] };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Bucket_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { S3Buckets = [Bucket("data", [Rule(abortDays: null)])] }, EvidenceNames.S3Buckets);
}
