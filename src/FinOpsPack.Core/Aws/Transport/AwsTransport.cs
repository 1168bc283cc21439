using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using FinOpsPack.Core.Aws.Protocol;

namespace FinOpsPack.Core.Aws.Transport;

/// <summary>
/// The signed HTTP transport for one set of credentials (one scanned account). Signing is AWSSDK.Core's public SigV4
/// handler; it sits inside the retry loop so every attempt is signed afresh with current (refreshed) credentials.
/// </summary>
public sealed class AwsTransport : IAwsTransport, IDisposable
{
    private static readonly HttpRequestOptionsKey<string> ServiceKey = new(SigV4SigningHandler.ServiceOptionKey);
    private static readonly HttpRequestOptionsKey<string> RegionKey = new(SigV4SigningHandler.RegionOptionKey);

    private readonly CallPipeline _pipeline;
    private readonly EndpointResolver _endpoints;
    private readonly HttpClient _http;

    public AwsTransport(CallPipeline pipeline, AWSCredentials credentials, EndpointResolver endpoints, HttpMessageHandler? inner = null)
    {
        _pipeline = pipeline;
        _endpoints = endpoints;
        inner ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 64,
            AutomaticDecompression = DecompressionMethods.GZip,
        };
        var signer = new SigV4SigningHandler(credentials, Amazon.RegionEndpoint.USEast1, "sts", inner);
        _http = new HttpClient(signer) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri ResolveEndpoint(AwsService service, string region) => _endpoints.Resolve(service, service.GlobalRegion ?? region);

    public Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct) =>
        _pipeline.RunAsync(request.Service, request.Region, request.Operation, token => SendOnceAsync(request, token), ct);

    public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        _pipeline.RunAsync(service, region, operation, token => SdkCalls.InvokeOnceAsync(service, operation, call, token), ct);

    private async Task<(AwsResponse, int, string?)> SendOnceAsync(AwsRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, Combine(ResolveEndpoint(request.Service, request.Region), request.PathAndQuery));
        if (request.Method != HttpMethod.Get || request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Options.Set(ServiceKey, request.Service.SigningName);
        message.Options.Set(RegionKey, request.EffectiveRegion);

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var body = await ResponseBody.ReadAsync(response.Content, ct).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(',', g.First().Value), StringComparer.OrdinalIgnoreCase);
        if (!response.IsSuccessStatusCode)
        {
            var error = AwsErrorParser.Parse(request.Service.Protocol, response.StatusCode, headers, body);
            throw new AwsServiceException(error.Code, error.Message, response.StatusCode, error.RequestId, request.Action);
        }

        var requestId = headers.GetValueOrDefault("x-amzn-RequestId") ?? headers.GetValueOrDefault("x-amz-request-id");
        return (new AwsResponse(response.StatusCode, requestId, body, headers), (int)response.StatusCode, requestId);
    }

    private static Uri Combine(Uri endpoint, string pathAndQuery) =>
        new(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery);

    public void Dispose() => _http.Dispose();
}
