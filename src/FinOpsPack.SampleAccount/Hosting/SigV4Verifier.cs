using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Amazon.Runtime.Internal.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>
/// Checks a request's SigV4 Authorization header as AWS does: known access key, credential scope, a fresh X-Amz-Date,
/// and the signature recomputed over the canonical request with the secret the sample account issued.
/// </summary>
public static partial class SigV4Verifier
{
    public sealed record Scope(string AccessKey, string Date, string Region, string Service);

    public sealed record Result(Scope? Scope, string? ErrorCode, string? Message)
    {
        public bool Ok => ErrorCode is null;
    }

    public static Result Verify(HttpContext http, byte[] body, Func<string, string?> secretFor, DateTimeOffset now)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var m = AuthorizationShape().Match(header);
        if (!m.Success)
        {
            return new Result(null, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }

        var scope = new Scope(m.Groups["key"].Value, m.Groups["date"].Value, m.Groups["region"].Value, m.Groups["service"].Value);
        var secret = secretFor(scope.AccessKey);
        if (secret is null)
        {
            return new Result(scope, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var amzDate = http.Request.Headers["X-Amz-Date"].ToString();
        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt)
            || Math.Abs((now.UtcDateTime - signedAt).TotalMinutes) > 15
            || !amzDate.StartsWith(scope.Date, StringComparison.Ordinal))
        {
            return new Result(scope, "SignatureDoesNotMatch", "Signature expired or X-Amz-Date missing or not within 15 minutes of the server time.");
        }

        var signedHeaders = m.Groups["signed"].Value;
        var canonical = CanonicalRequest(http, body, signedHeaders);
        var expected = AWS4Signer.ComputeSignature(scope.AccessKey, secret, scope.Region, signedAt, scope.Service, signedHeaders, canonical).Signature;
        return string.Equals(expected, m.Groups["signature"].Value, StringComparison.Ordinal)
            ? new Result(scope, null, null)
            : new Result(scope, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    private static string CanonicalRequest(HttpContext http, byte[] body, string signedHeaders)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.ToString();
        var isS3 = AuthorizationShape().Match(http.Request.Headers.Authorization.ToString()).Groups["service"].Value == "s3";
        return CanonicalRequest(
            http.Request.Method, raw, name => http.Request.Headers[name].Select(v => v ?? ""), body, signedHeaders,
            http.Request.Headers["X-Amz-Content-SHA256"].ToString(), isS3);
    }

    /// <summary>
    /// The SigV4 canonical request. <paramref name="rawTarget"/> is the request target as sent; non-S3 paths are
    /// normalised and each segment URI-encoded once more (AWS's double encoding), S3 paths are used as sent.
    /// </summary>
    internal static string CanonicalRequest(
        string method, string rawTarget, Func<string, IEnumerable<string>> header, byte[] body, string signedHeaders, string? contentSha256, bool isS3)
    {
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? rawTarget : rawTarget[..q];
        var query = q < 0 ? "" : rawTarget[(q + 1)..];
        var headers = signedHeaders.Split(';').Select(name =>
            name + ":" + string.Join(',', header(name).Select(v => Spaces().Replace(v, " ").Trim())));
        var payloadHash = contentSha256 is { Length: > 0 } h ? h : Convert.ToHexStringLower(SHA256.HashData(body));
        return string.Join('\n',
            method,
            isS3 ? (path.Length == 0 ? "/" : path) : CanonicalPath(path),
            CanonicalQuery(query),
            string.Join('\n', headers) + "\n",
            signedHeaders,
            payloadHash);
    }

    private static string CanonicalPath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(Uri.EscapeDataString(segment));
        }

        var trailing = path.Length > 1 && path.EndsWith('/') && segments.Count > 0 && !path.EndsWith("/..", StringComparison.Ordinal) ? "/" : "";
        return "/" + string.Join('/', segments) + trailing;
    }

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.EscapeDataString(Uri.UnescapeDataString(eq < 0 ? p : p[..eq]));
                var value = eq < 0 ? "" : Uri.EscapeDataString(Uri.UnescapeDataString(p[(eq + 1)..]));
                return (key, value);
            })
            .OrderBy(kv => kv.key, StringComparer.Ordinal).ThenBy(kv => kv.value, StringComparer.Ordinal)
            .Select(kv => kv.key + "=" + kv.value));

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationShape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
