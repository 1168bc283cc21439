using System.Security;
using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>Error responses in each protocol's own dialect (shapes from aws-wire.md §1 and the shared error fixtures).</summary>
public static class SampleErrors
{
    public static Task WriteAsync(SampleCall call, AwsProtocol protocol, int status, string code, string message)
    {
        var m = SecurityElement.Escape(message);
        var c = SecurityElement.Escape(code);
        return protocol switch
        {
            AwsProtocol.Ec2Query => call.WriteXmlAsync(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{c}</Code><Message>{m}</Message></Error></Errors><RequestID>{call.RequestId}</RequestID></Response>",
                status),
            AwsProtocol.Query => call.WriteXmlAsync(
                $"<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>{(status >= 500 ? "Receiver" : "Sender")}</Type><Code>{c}</Code><Message>{m}</Message></Error><RequestId>{call.RequestId}</RequestId></ErrorResponse>",
                status),
            AwsProtocol.RestXml => call.WriteXmlAsync(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{c}</Code><Message>{m}</Message><RequestId>{call.RequestId}</RequestId><HostId>sample</HostId></Error>",
                status),
            AwsProtocol.RestJson => WriteRestJsonAsync(call, status, code, message),
            _ => call.WriteJsonAsync(
                new JsonObject { ["__type"] = code, ["message"] = message },
                protocol == AwsProtocol.Json10 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1",
                status),
        };
    }

    private static Task WriteRestJsonAsync(SampleCall call, int status, string code, string message)
    {
        call.Http.Response.Headers["x-amzn-ErrorType"] = code;
        return call.WriteJsonAsync(new JsonObject { ["Type"] = "User", ["message"] = message }, "application/json", status);
    }

    /// <summary>The AccessDenied code each protocol family uses.</summary>
    public static string AccessDeniedCode(AwsProtocol protocol) => protocol switch
    {
        AwsProtocol.Ec2Query => "UnauthorizedOperation",
        AwsProtocol.Query or AwsProtocol.RestXml => "AccessDenied",
        _ => "AccessDeniedException",
    };

    /// <summary>HTTP status AWS uses with a service's throttling code.</summary>
    public static int ThrottleStatus(AwsProtocol protocol, string code) => code switch
    {
        "RequestLimitExceeded" or "SlowDown" => 503,
        "TooManyRequestsException" when protocol == AwsProtocol.RestJson => 429,
        _ => 400,
    };
}
