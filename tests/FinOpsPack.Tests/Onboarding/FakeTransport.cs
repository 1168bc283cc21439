using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>An <see cref="IAwsTransport"/> that answers from a function and records every request.</summary>
internal sealed class FakeTransport(Func<AwsRequest, Task<AwsResponse>> answer) : IAwsTransport
{
    public ConcurrentQueue<AwsRequest> Requests { get; } = new();

    public static AwsResponse Ok(string body = "{}") =>
        new(HttpStatusCode.OK, "req-" + Guid.NewGuid().ToString("N")[..8], Encoding.UTF8.GetBytes(body), new Dictionary<string, string>());

    public static AwsServiceException Error(AwsRequest request, string code, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new(code, code + " for " + request.Action, status, "req-err", request.Action);

    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct)
    {
        Requests.Enqueue(request);
        return await answer(request).ConfigureAwait(false);
    }

    public Uri ResolveEndpoint(AwsService service, string region) => new($"https://{service.EndpointPrefix}.{region}.amazonaws.com");

    public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        call(ct);
}
