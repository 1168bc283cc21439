using System.Text.Json;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services;

/// <summary>One JSON round trip (awsJson or rest-json): send, then parse the body into a wire record and drop it.</summary>
internal static class AwsJsonCall
{
    public static Task<TOut> SendAsync<TOut>(
        IAwsTransport transport, AwsService service, string region, string operation, object? input, CancellationToken ct) =>
        SendAsync<TOut>(transport, AwsJson.Request(service, region, operation, input), ct);

    public static async Task<TOut> SendAsync<TOut>(IAwsTransport transport, AwsRequest request, CancellationToken ct)
    {
        var response = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return Parse<TOut>(response, request);
    }

    /// <summary>
    /// <see cref="AwsJson.Parse{T}"/>, plus the exceptions a converter may throw on a well-formed document with a bad
    /// value (an unparsable timestamp string raises <see cref="FormatException"/>, not <see cref="JsonException"/>).
    /// </summary>
    public static T Parse<T>(AwsResponse response, AwsRequest request)
    {
        try
        {
            return AwsJson.Parse<T>(response, request);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    /// <summary>A well-formed answer that lacks a member the operation always returns.</summary>
    public static AwsServiceException Missing(AwsRequest request, string member) =>
        new(AwsErrorCodes.MalformedResponse, $"the response lacks {member}", System.Net.HttpStatusCode.OK, null, request.Action);
}
