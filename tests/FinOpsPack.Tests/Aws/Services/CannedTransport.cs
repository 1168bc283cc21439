using System.Net;
using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Services;

/// <summary>Answers each request with the next canned body, in order, and keeps the requests for inspection.</summary>
public sealed class CannedTransport(params string[] bodies) : IAwsTransport
{
    private readonly Queue<string> _bodies = new(bodies);
    private readonly List<AwsRequest> _requests = [];

    public IReadOnlyList<AwsRequest> Requests => _requests;

    public IReadOnlyList<string> Forms => [.. _requests.Select(r => Encoding.UTF8.GetString(r.Body))];

    public Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct)
    {
        lock (_requests)
        {
            _requests.Add(request);
            var body = _bodies.Count > 0 ? _bodies.Dequeue() : throw new InvalidOperationException("no canned response left for " + request.Operation);
            return Task.FromResult(new AwsResponse(HttpStatusCode.OK, "req-" + _requests.Count, Encoding.UTF8.GetBytes(body), new Dictionary<string, string>()));
        }
    }

    public Uri ResolveEndpoint(AwsService service, string region) => new("http://canned.invalid/");

    public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        throw new NotSupportedException();
}
