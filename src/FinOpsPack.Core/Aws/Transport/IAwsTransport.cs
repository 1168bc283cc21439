namespace FinOpsPack.Core.Aws.Transport;

/// <summary>
/// Sends signed requests: endpoint resolution, SigV4, bounded concurrency per service and region, retries on throttling,
/// 5xx and dropped connections, one audit record per call. Non-2xx answers surface as <see cref="AwsServiceException"/>.
/// </summary>
public interface IAwsTransport
{
    Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct);

    /// <summary>The endpoint a service is reached at in a region, after the SDK-style overrides (for the S3 SDK client).</summary>
    Uri ResolveEndpoint(AwsService service, string region);

    /// <summary>
    /// Runs a call made through an AWSSDK service client (S3) under the same concurrency limits, retries and audit.
    /// The SDK client must be configured with its own retries off; SDK exceptions are mapped to <see cref="AwsServiceException"/>.
    /// </summary>
    Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct);
}
