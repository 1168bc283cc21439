using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Fleet;

/// <summary>
/// One account's transport inside a fleet scan: at most <c>limit</c> of its calls in flight, so one large account cannot
/// take the whole global budget the accounts share (the shared <see cref="CallPipeline"/> still applies its global and
/// per-service limits, retries and audit).
/// </summary>
public sealed class AccountLimitedTransport(IAwsTransport inner, int limit) : IAwsTransport, IDisposable
{
    private readonly SemaphoreSlim _slots = new(limit);

    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await inner.SendAsync(request, ct).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public Uri ResolveEndpoint(AwsService service, string region) => inner.ResolveEndpoint(service, region);

    public async Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await inner.InvokeSdkAsync(service, region, operation, call, ct).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
