using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.S3;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

public sealed class S3HandlerTests
{
    [Fact]
    public async Task Should_List_Every_Bucket_Over_Many_Pages_Through_AWSSDK_S3()
    {
        // Given 10 buckets, pages of at most 3
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithManyBuckets(4));
        using var s3 = new S3Client(session.Transport, "us-east-1", session.Credentials);

        // When they are listed
        var buckets = await s3.ListBucketsAsync(CancellationToken.None).ToListAsync();

        // Then all arrive with their creation dates and regions, in four pages
        Assert.Equal(session.Dataset.S3Buckets.Select(b => (b.Name, b.CreationDate, (string?)b.Region)).Order(),
            buckets.Select(b => (b.Name, b.CreationDate, b.BucketRegion)).Order());
        Assert.Equal(4, session.Calls("s3:ListAllMyBuckets"));
    }

    [Fact]
    public async Task Should_Read_Locations_And_Lifecycle_As_AWSSDK_S3_Parses_Them()
    {
        // Given the sample account's buckets
        await using var session = await SampleAccountSession.StartAsync();
        using var us = new S3Client(session.Transport, "us-east-1", session.Credentials);
        using var eu = new S3Client(session.Transport, "eu-west-1", session.Credentials);

        // When locations and lifecycle configurations are read
        var legacyEu = await us.GetBucketLocationAsync("acme-logs-eu", CancellationToken.None);
        var emptyConstraint = await us.GetBucketLocationAsync("acme-data-lake", CancellationToken.None);
        var noConstraint = await us.GetBucketLocationAsync("acme-logs-us", CancellationToken.None);
        var rules = await us.GetBucketLifecycleConfigurationAsync("acme-logs-us", CancellationToken.None);
        var none = await us.GetBucketLifecycleConfigurationAsync("acme-artifacts", CancellationToken.None);
        var disabled = await eu.GetBucketLifecycleConfigurationAsync("acme-media-eu", CancellationToken.None);

        // Then "EU", "" and no constraint name their regions, rules come through, and no configuration is no rules
        Assert.Equal("eu-west-1", legacyEu);
        Assert.Equal("us-east-1", emptyConstraint);
        Assert.Equal("us-east-1", noConstraint);
        Assert.Equal(new S3LifecycleRuleEntry("expire-logs", "Enabled", true, false, 7), rules.Single());
        Assert.Empty(none);
        Assert.Equal(new S3LifecycleRuleEntry("old-uploads", "Disabled", false, false, 14), disabled.Single());
    }

    [Fact]
    public async Task Should_Refuse_A_Lifecycle_Read_Signed_For_Another_Region_Or_Denied_For_The_Bucket()
    {
        // Given the sample account
        await using var session = await SampleAccountSession.StartAsync();
        using var us = new S3Client(session.Transport, "us-east-1", session.Credentials);
        using var eu = new S3Client(session.Transport, "eu-west-1", session.Credentials);

        // When an eu-west-1 bucket's lifecycle is read through us-east-1, and the denied bucket's through its own region
        var wrongRegion = await Assert.ThrowsAsync<AwsServiceException>(() => us.GetBucketLifecycleConfigurationAsync("acme-logs-eu", CancellationToken.None));
        var denied = await Assert.ThrowsAsync<AwsServiceException>(() => eu.GetBucketLifecycleConfigurationAsync("acme-backups-eu", CancellationToken.None));

        // Then S3's errors come back, naming the IAM action a policy must grant
        Assert.Equal("AuthorizationHeaderMalformed", wrongRegion.ErrorCode);
        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal("s3:GetLifecycleConfiguration", denied.Action);
    }
}
