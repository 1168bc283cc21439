using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.S3;

/// <summary>
/// S3 through AWSSDK.S3 (the one service whose SDK client we use), pointed at the transport's endpoint for one region,
/// path-style, with every SDK-side retry off: every call runs inside <see cref="IAwsTransport.InvokeSdkAsync{T}"/>,
/// which retries, bounds concurrency and writes the audit record. Bucket calls must go to the bucket's own region.
/// </summary>
public sealed class S3Client : IDisposable
{
    public const int ListBucketsPageSize = 1000;

    private readonly IAwsTransport _transport;
    private readonly string _region;
    private readonly AmazonS3Client _sdk;

    public S3Client(IAwsTransport transport, string region, AWSCredentials credentials)
    {
        _transport = transport;
        _region = region;
        _sdk = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = transport.ResolveEndpoint(AwsService.S3, region).ToString(),
            ForcePathStyle = true,
            MaxErrorRetry = 0,

            // AWSSDK.Core retries "stale" pooled connections (reset, broken pipe) on its own, outside MaxErrorRetry
            // (aws/aws-sdk-net#4281); those attempts would escape the transport's retry budget and the audit trail.
            MaxStaleConnectionRetries = 0,
            AuthenticationRegion = region,
        });
    }

    public IAsyncEnumerable<S3BucketEntry> ListBucketsAsync(CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => InvokeAsync(
                "ListBuckets",
                cc => _sdk.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = ListBucketsPageSize, ContinuationToken = token }, cc),
                c),
            page => page.ContinuationToken,
            page => (page.Buckets ?? []).Select(b => new S3BucketEntry(
                b.BucketName,
                b.CreationDate is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.ToUniversalTime(), DateTimeKind.Utc)) : null,
                string.IsNullOrEmpty(b.BucketRegion) ? null : b.BucketRegion)),
            ct);

    /// <summary>The bucket's region name (LocationConstraint null or empty means us-east-1, the legacy "EU" means eu-west-1).</summary>
    public async Task<string> GetBucketLocationAsync(string bucket, CancellationToken ct)
    {
        var response = await InvokeAsync(
            "GetBucketLocation",
            c => _sdk.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, c),
            ct).ConfigureAwait(false);
        return RegionOfLocation(response.Location?.Value);
    }

    /// <summary>The bucket's lifecycle rules; a bucket without a lifecycle configuration has none (not an error).</summary>
    public async Task<IReadOnlyList<S3LifecycleRuleEntry>> GetBucketLifecycleConfigurationAsync(string bucket, CancellationToken ct)
    {
        try
        {
            var response = await InvokeAsync(
                "GetBucketLifecycleConfiguration",
                c => _sdk.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = bucket }, c),
                ct).ConfigureAwait(false);
            return [.. (response.Configuration?.Rules ?? []).Select(ToEntry)];
        }
        catch (AwsServiceException e) when (e.ErrorCode == "NoSuchLifecycleConfiguration")
        {
            return [];
        }
    }

    public static string RegionOfLocation(string? locationConstraint) => locationConstraint switch
    {
        null or "" or "US" => "us-east-1",
        "EU" => "eu-west-1",
        _ => locationConstraint,
    };

    public void Dispose() => _sdk.Dispose();

    private static S3LifecycleRuleEntry ToEntry(LifecycleRule rule) => new(
        string.IsNullOrEmpty(rule.Id) ? null : rule.Id,
        rule.Status?.Value ?? "",
        rule.Expiration is not null || rule.NoncurrentVersionExpiration is not null,
        rule.Transitions is { Count: > 0 } || rule.NoncurrentVersionTransitions is { Count: > 0 },
        rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation);

    /// <summary>One SDK call through the transport; the audit and errors name the IAM action (<see cref="AwsService.ActionFor"/>).</summary>
    private Task<T> InvokeAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        _transport.InvokeSdkAsync(AwsService.S3, _region, operation, call, ct);
}
