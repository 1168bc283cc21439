using System.Collections.Concurrent;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.S3;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.S3;

/// <summary>
/// Every bucket with its region and lifecycle rules (expiration, transitions, abort of incomplete multipart uploads).
/// The region comes from ListBuckets' BucketRegion (AWS returns it since 2024 when the request carries a parameter, and
/// we send MaxBuckets): one call per bucket fewer. Where an S3 implementation leaves it out (older ones, moto), the
/// bucket's GetBucketLocation answers instead. The lifecycle is then read in the bucket's own region, as S3 requires.
/// A bucket whose lifecycle may not be read keeps null rules (not judged) and a note; if none may be read, the
/// buckets are kept and the collector reports the missing permission.
/// </summary>
public sealed class S3BucketsCollector : ICollector
{
    public string Name => "s3.buckets";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } =
        ["s3:ListAllMyBuckets", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration"];

    public string Provides => "S3 buckets and their lifecycle rules (lifecycle and multipart-upload findings)";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var credentials = context.Credentials
            ?? throw new InvalidOperationException("the S3 collector needs the scanned account's credentials");
        var clients = new ConcurrentDictionary<string, Lazy<S3Client>>(StringComparer.Ordinal);
        S3Client ClientFor(string region) =>
            clients.GetOrAdd(region, r => new Lazy<S3Client>(() => new S3Client(context.Transport, r, credentials))).Value;

        try
        {
            var entries = new List<S3BucketEntry>();
            await foreach (var entry in ClientFor(context.Region).ListBucketsAsync(ct).ConfigureAwait(false))
            {
                entries.Add(entry);
            }

            var results = await Task.WhenAll(entries.Select(e => ReadBucketAsync(context, ClientFor, e, ct))).ConfigureAwait(false);
            context.Inventory.AddRange(results.Select(r => r.Bucket));

            var denied = results.Where(r => r.Denied is not null).ToList();
            if (denied.Count > 0 && denied.Count == results.Length)
            {
                throw denied[0].Denied!;
            }

            foreach (var d in denied)
            {
                context.Note($"lifecycle of bucket {d.Bucket.Name} not readable: {d.Denied!.ErrorCode}");
            }
        }
        finally
        {
            foreach (var client in clients.Values.Where(c => c.IsValueCreated))
            {
                client.Value.Dispose();
            }
        }
    }

    private static async Task<(S3Bucket Bucket, AwsServiceException? Denied)> ReadBucketAsync(
        CollectorContext context, Func<string, S3Client> clientFor, S3BucketEntry entry, CancellationToken ct)
    {
        var region = entry.BucketRegion ?? await clientFor(context.Region).GetBucketLocationAsync(entry.Name, ct).ConfigureAwait(false);
        try
        {
            var rules = await clientFor(region).GetBucketLifecycleConfigurationAsync(entry.Name, ct).ConfigureAwait(false);
            return (new S3Bucket(context.AccountId, entry.Name, region, entry.CreationDate, [.. rules.Select(ToInventory)]), null);
        }
        catch (AwsServiceException e) when (e.IsAccessDenied)
        {
            return (new S3Bucket(context.AccountId, entry.Name, region, entry.CreationDate, null), e);
        }
    }

    private static S3LifecycleRule ToInventory(S3LifecycleRuleEntry r) =>
        new(r.Id, r.Status, r.HasExpiration, r.HasTransitions, r.AbortIncompleteMultipartUploadDays);
}
