using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Signing;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Signing;

/// <summary>
/// AWS's Signature Version 4 test suite: the sample account's canonicalisation must reproduce every published canonical
/// request, and AWSSDK.Core's signing primitive every published signature.
/// </summary>
public sealed partial class SigV4TestSuiteTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    public static TheoryData<string> Cases()
    {
        var root = Path.Combine(RepoPaths.AwsFixtures, "sigv4-test-suite");
        var data = new TheoryData<string>();
        foreach (var req in Directory.EnumerateFiles(root, "*.req", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, Path.ChangeExtension(req, null)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Reproduce_The_Published_Canonical_Request_And_Signature_When_Given_A_Suite_Request(string name)
    {
        // Given the raw request and the published results
        var basePath = Path.Combine(RepoPaths.AwsFixtures, "sigv4-test-suite", name);
        // The signed request (.sreq) is what a server receives: the .req plus the headers signing adds (session token).
        var request = RawRequest.Parse(File.ReadAllText(basePath + ".sreq"));
        var authz = File.ReadAllText(basePath + ".authz").Trim();
        var signedHeaders = SignedHeadersIn().Match(authz).Groups[1].Value;

        // When the canonical request is built and signed
        var canonical = SigV4Verifier.CanonicalRequest(
            request.Method, request.Target, request.Header, Encoding.UTF8.GetBytes(request.Body), signedHeaders, null, isS3: false);
        var signature = AWS4Signer.ComputeSignature(AccessKey, SecretKey, "us-east-1", SignedAt, "service", signedHeaders, canonical).Signature;

        // Then both equal the suite's
        Assert.Equal(File.ReadAllText(basePath + ".creq").ReplaceLineEndings("\n"), canonical);
        Assert.Equal(SignatureIn().Match(authz).Groups[1].Value, signature);
    }

    [Fact]
    public async Task Should_Sign_Like_An_Independent_Implementation_When_The_Sdk_Handler_Also_Signs_The_Payload_Hash()
    {
        // Given get-vanilla sent through AWSSDK.Core's public SigV4 handler at the suite's time
        var capture = new CapturingHandler();
        var parameters = new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(AccessKey, SecretKey),
            Region = Amazon.RegionEndpoint.USEast1,
            Service = "service",
            SignedAt = SignedAt,
        };
        using var client = new HttpClient(new SigV4SigningHandler(parameters, capture));

        // When it is sent
        await client.GetAsync(new Uri("https://example.amazonaws.com/"));

        // Then the signature equals the one computed independently (Python and .NET agree) over host, x-amz-content-sha256, x-amz-date
        Assert.Contains("Signature=726c5c4879a6b4ccbbd3b24edbd6b8826d34f87450fbbf4e85546fc7ba9c1642", capture.Authorization, StringComparison.Ordinal);
    }

    [GeneratedRegex("SignedHeaders=([^,]+)")]
    private static partial Regex SignedHeadersIn();

    [GeneratedRegex("Signature=([0-9a-f]{64})")]
    private static partial Regex SignatureIn();

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string Authorization { get; private set; } = "";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The signer adds the header unvalidated (its comma-separated form is no AuthenticationHeaderValue).
            Authorization = request.Headers.NonValidated.TryGetValues("Authorization", out var values) ? values.ToString() : "";
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }

    /// <summary>A suite .req file: request line, headers (folded lines continue the previous one), blank line, body.</summary>
    private sealed record RawRequest(string Method, string Target, List<(string Name, string Value)> Headers, string Body)
    {
        public IEnumerable<string> Header(string name) =>
            Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

        public static RawRequest Parse(string text)
        {
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            var first = lines[0];
            var method = first[..first.IndexOf(' ', StringComparison.Ordinal)];
            var target = first[(method.Length + 1)..first.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
            var headers = new List<(string, string)>();
            var i = 1;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                if (char.IsWhiteSpace(lines[i][0]) && headers.Count > 0)
                {
                    var (n, v) = headers[^1];
                    headers[^1] = (n, v + "\n" + lines[i]);
                    continue;
                }

                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                headers.Add((lines[i][..colon], lines[i][(colon + 1)..]));
            }

            var body = i < lines.Length ? string.Join('\n', lines.Skip(i + 1)) : "";
            return new RawRequest(method, target, headers, body);
        }
    }

}
