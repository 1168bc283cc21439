namespace FinOpsPack.Core.Aws;

/// <summary>Error-code classes shared by all protocols (lists from AWSSDK.Core's StandardRetryPolicy and botocore).</summary>
public static class AwsErrorCodes
{
    public const string ConnectionFailure = "ConnectionFailure";
    public const string MalformedResponse = "MalformedResponse";

    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "BandwidthLimitExceeded", "LimitExceededException", "PriorRequestNotComplete",
        "ProvisionedThroughputExceededException", "RequestLimitExceeded", "RequestThrottled",
        "RequestThrottledException", "SlowDown", "ThrottledException", "Throttling", "ThrottlingException",
        "TooManyRequestsException", "TransactionInProgressException", "EC2ThrottledException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "InternalServerException", "ServiceUnavailable", "ServiceUnavailableException", "IDPCommunicationError",
        ConnectionFailure,
    };

    private static readonly HashSet<string> AccessDenied = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
        "AuthorizationError", "AuthorizationErrorException",
    };

    public static bool IsThrottling(string code) => Throttling.Contains(code);

    public static bool IsTransient(string code) => Transient.Contains(code);

    public static bool IsAccessDenied(string code) => AccessDenied.Contains(code);
}
