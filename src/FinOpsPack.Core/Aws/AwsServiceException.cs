using System.Net;

namespace FinOpsPack.Core.Aws;

/// <summary>
/// The one error type of the wire layer: an AWS error response (any protocol), or a transport failure that outlived
/// its retries (then <see cref="StatusCode"/> is 0 and <see cref="ErrorCode"/> names the failure).
/// </summary>
public sealed class AwsServiceException(
    string errorCode,
    string message,
    HttpStatusCode statusCode,
    string? requestId,
    string action,
    Exception? inner = null) : Exception($"{action}: {errorCode}: {message}", inner)
{
    public string ErrorCode { get; } = errorCode;
    public string AwsMessage { get; } = message;
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string? RequestId { get; } = requestId;

    /// <summary>The IAM action of the failed call, e.g. <c>ec2:DescribeVolumes</c>.</summary>
    public string Action { get; } = action;

    public bool IsAccessDenied => AwsErrorCodes.IsAccessDenied(ErrorCode);
    public bool IsThrottling => AwsErrorCodes.IsThrottling(ErrorCode) || (int)StatusCode == 429;
}
