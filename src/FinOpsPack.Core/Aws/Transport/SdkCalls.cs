using Amazon.Runtime;

namespace FinOpsPack.Core.Aws.Transport;

/// <summary>Maps AWSSDK exceptions onto <see cref="AwsServiceException"/> so SDK-made calls retry and report like ours.</summary>
public static class SdkCalls
{
    public static async Task<(T, int, string?)> InvokeOnceAsync<T>(AwsService service, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            var result = await call(ct).ConfigureAwait(false);
            var (status, requestId) = result is AmazonWebServiceResponse r
                ? ((int)r.HttpStatusCode, r.ResponseMetadata?.RequestId)
                : (200, null);
            return (result, status, requestId);
        }
        catch (AmazonServiceException e) when (e.StatusCode != 0 || e.ErrorCode is not null)
        {
            throw new AwsServiceException(
                e.ErrorCode ?? "Http" + (int)e.StatusCode, e.Message.ReplaceLineEndings(" "), e.StatusCode, e.RequestId,
                service.ActionFor(operation), e);
        }
        catch (AmazonClientException e)
        {
            throw new AwsServiceException(AwsErrorCodes.ConnectionFailure, e.Message.ReplaceLineEndings(" "), 0, null, service.ActionFor(operation), e);
        }
    }
}
