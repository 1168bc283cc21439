using System.Net;
using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Services.Ec2;

/// <summary>A transport that answers each request with a canned body (200) and records what was sent.</summary>
internal sealed class CannedTransport(Func<IReadOnlyDictionary<string, string>, string> answer) : IAwsTransport
{
    public List<AwsRequest> Requests { get; } = [];

    public IEnumerable<IReadOnlyDictionary<string, string>> Forms => Requests.Select(r => FormOf(r));

    public static CannedTransport Returning(string body) => new(_ => body);

    public static CannedTransport ReturningFile(string responseSample) =>
        Returning(File.ReadAllText(Path.Combine(Testing.RepoPaths.AwsFixtures, "response-samples", responseSample)));

    public Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        var body = answer(FormOf(request));
        return Task.FromResult(new AwsResponse(HttpStatusCode.OK, "canned-request-id", Encoding.UTF8.GetBytes(body), new Dictionary<string, string>()));
    }

    public Uri ResolveEndpoint(AwsService service, string region) => new($"https://{service.EndpointPrefix}.{region}.amazonaws.com");

    public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        throw new NotSupportedException("EC2 makes no SDK calls");

    /// <summary>The decoded form fields of a query/EC2 request body.</summary>
    public static Dictionary<string, string> FormOf(AwsRequest request) =>
        Encoding.UTF8.GetString(request.Body).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);
}
