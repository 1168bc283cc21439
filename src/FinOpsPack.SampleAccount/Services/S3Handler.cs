using System.Globalization;
using System.Security;
using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// Amazon S3 of the sample account (REST-XML, path-style, as AWSSDK.S3 sends it with ForcePathStyle): ListBuckets,
/// GetBucketLocation and GetBucketLifecycleConfiguration. Bucket calls must be signed for the bucket's region, as S3
/// demands; a bucket without lifecycle answers 404 NoSuchLifecycleConfiguration.
/// </summary>
public sealed class S3Handler : ISampleServiceHandler
{
    private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    public AwsService Service => AwsService.S3;

    public string ThrottleCode => "SlowDown";

    public string? ResolveOperation(SampleCall call)
    {
        if (call.Http.Request.Method != "GET")
        {
            return null;
        }

        var path = call.Http.Request.Path.Value ?? "/";
        if (path == "/")
        {
            return "ListBuckets";
        }

        var query = call.Http.Request.Query;
        return BucketName(path) is null ? null
            : query.ContainsKey("location") ? "GetBucketLocation"
            : query.ContainsKey("lifecycle") ? "GetBucketLifecycleConfiguration"
            : null;
    }

    public async Task HandleAsync(SampleCall call, string operation, CancellationToken ct)
    {
        call.Http.Response.Headers["x-amz-id-2"] = call.HostId;
        string xml;
        try
        {
            xml = operation switch
            {
                "ListBuckets" => ListBuckets(call),
                "GetBucketLocation" => GetBucketLocation(call),
                _ => GetBucketLifecycle(call),
            };
        }
        catch (S3Error e)
        {
            await call.WriteAsync(ErrorXml(call, e), "application/xml", e.Status).ConfigureAwait(false);
            return;
        }

        await call.WriteAsync(xml, "application/xml").ConfigureAwait(false);
    }

    private static string? BucketName(string path)
    {
        var name = path.Trim('/');
        return name.Length > 0 && !name.Contains('/', StringComparison.Ordinal) ? name : null;
    }

    private static string ListBuckets(SampleCall call)
    {
        var query = call.Http.Request.Query;
        int? maxBuckets = null;
        if (call.Query("max-buckets") is { } text)
        {
            maxBuckets = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10000
                ? n
                : throw new S3Error(400, "InvalidArgument", "Argument max-buckets must be an integer between 1 and 10000.");
        }

        var prefix = call.Query("prefix");
        var regionFilter = call.Query("bucket-region");
        var buckets = call.Dataset.S3Buckets
            .Where(b => b.AccountId == call.AccountId && (prefix is null || b.Name.StartsWith(prefix, StringComparison.Ordinal))
                && (regionFilter is null || b.Region == regionFilter))
            .OrderBy(b => b.Name, StringComparer.Ordinal).ToList();

        // AWS pages (and tells each bucket's region) only when the request carries a parameter.
        var paged = query.Count > 0;
        var size = Math.Min(maxBuckets ?? 10000, call.Dataset.MaxPageSize);
        var scope = "ListBuckets/" + prefix + "/" + regionFilter;
        var offset = paged
            ? SamplePageToken.Decode(call.Query("continuation-token"), scope)
                ?? throw new S3Error(400, "InvalidArgument", "The continuation token provided is incorrect")
            : 0;
        var (page, next) = paged ? SamplePageToken.Slice(buckets, offset, size, scope) : (buckets, null);

        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.Append($"<ListAllMyBucketsResult xmlns=\"{Ns}\"><Owner><ID>{OwnerId(call.AccountId)}</ID><DisplayName>acme-aws</DisplayName></Owner><Buckets>");
        foreach (var b in page)
        {
            xml.Append("<Bucket><Name>").Append(Escape(b.Name)).Append("</Name><CreationDate>")
                .Append(b.CreationDate?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append("</CreationDate>");
            if (paged && call.Dataset.S3ListsBucketRegion)
            {
                xml.Append("<BucketRegion>").Append(b.Region).Append("</BucketRegion>");
            }

            xml.Append("</Bucket>");
        }

        xml.Append("</Buckets>");
        if (next is not null)
        {
            xml.Append("<ContinuationToken>").Append(Escape(next)).Append("</ContinuationToken>");
        }

        if (prefix is not null)
        {
            xml.Append("<Prefix>").Append(Escape(prefix)).Append("</Prefix>");
        }

        return xml.Append("</ListAllMyBucketsResult>").ToString();
    }

    private static (S3Bucket Bucket, SampleBucketWire Wire) Bucket(SampleCall call)
    {
        var name = BucketName(call.Http.Request.Path.Value ?? "")!;
        var bucket = call.Dataset.S3Buckets.FirstOrDefault(b => b.Name == name && b.AccountId == call.AccountId)
            ?? throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist", name);
        call.Http.Response.Headers["x-amz-bucket-region"] = bucket.Region;
        return (bucket, call.Dataset.BucketWire.GetValueOrDefault(name) ?? new SampleBucketWire(bucket.Region == "us-east-1" ? null : bucket.Region));
    }

    private static string GetBucketLocation(SampleCall call)
    {
        var (_, wire) = Bucket(call);
        return string.IsNullOrEmpty(wire.LocationConstraint)
            ? $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"{Ns}\"/>"
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"{Ns}\">{wire.LocationConstraint}</LocationConstraint>";
    }

    private static string GetBucketLifecycle(SampleCall call)
    {
        var (bucket, wire) = Bucket(call);
        if (call.Region != bucket.Region)
        {
            throw new S3Error(400, "AuthorizationHeaderMalformed",
                $"The authorization header is malformed; the region '{call.Region}' is wrong; expecting '{bucket.Region}'", bucket.Name, bucket.Region);
        }

        if (wire.LifecycleDenied)
        {
            throw new S3Error(403, "AccessDenied", "Access Denied", bucket.Name);
        }

        if (bucket.LifecycleRules is not { Count: > 0 } rules)
        {
            throw new S3Error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", bucket.Name);
        }

        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LifecycleConfiguration xmlns=\"{Ns}\">");
        foreach (var rule in rules)
        {
            xml.Append("<Rule>");
            if (rule.Id is not null)
            {
                xml.Append("<ID>").Append(Escape(rule.Id)).Append("</ID>");
            }

            xml.Append("<Filter><Prefix></Prefix></Filter><Status>").Append(rule.Status).Append("</Status>");
            if (rule.HasTransitions)
            {
                xml.Append("<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>");
            }

            if (rule.HasExpiration)
            {
                xml.Append("<Expiration><Days>365</Days></Expiration>");
            }

            if (rule.AbortIncompleteMultipartUploadDays is { } days)
            {
                xml.Append("<AbortIncompleteMultipartUpload><DaysAfterInitiation>").Append(days)
                    .Append("</DaysAfterInitiation></AbortIncompleteMultipartUpload>");
            }

            xml.Append("</Rule>");
        }

        return xml.Append("</LifecycleConfiguration>").ToString();
    }

    private static string ErrorXml(SampleCall call, S3Error e)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>").Append(e.Code).Append("</Code><Message>")
            .Append(Escape(e.Message)).Append("</Message>");
        if (e.BucketName is not null)
        {
            xml.Append("<BucketName>").Append(Escape(e.BucketName)).Append("</BucketName>");
        }

        if (e.Region is not null)
        {
            xml.Append("<Region>").Append(e.Region).Append("</Region>");
        }

        return xml.Append("<RequestId>").Append(call.RequestId).Append("</RequestId><HostId>")
            .Append(call.HostId).Append("</HostId></Error>").ToString();
    }

    private static string OwnerId(string accountId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(accountId))).ToLowerInvariant();

    private static string Escape(string text) => SecurityElement.Escape(text);

    private sealed class S3Error(int status, string code, string message, string? bucketName = null, string? region = null) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;
        public string? BucketName { get; } = bucketName;
        public string? Region { get; } = region;
    }
}
