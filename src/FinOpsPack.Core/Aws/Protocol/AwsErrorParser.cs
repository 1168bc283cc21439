using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>Reads an error response in the dialect of its protocol into code, message and request id.</summary>
public static class AwsErrorParser
{
    public sealed record ParsedError(string Code, string Message, string? RequestId);

    public static ParsedError Parse(AwsProtocol protocol, HttpStatusCode status, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var headerRequestId = Header(headers, "x-amzn-RequestId") ?? Header(headers, "x-amz-request-id");
        var parsed = protocol switch
        {
            AwsProtocol.Json10 or AwsProtocol.Json11 or AwsProtocol.RestJson => FromJson(headers, body),
            _ => FromXml(body),
        };

        // awsQueryCompatible services tell the query-protocol code in a header; it wins (botocore does the same).
        if (Header(headers, "x-amzn-query-error") is { Length: > 0 } queryError)
        {
            parsed = parsed with { Code = queryError.Split(';')[0] };
        }

        var code = parsed.Code is { Length: > 0 } c ? c : FallbackCode(status);
        var message = parsed.Message is { Length: > 0 } m ? m : $"HTTP {(int)status} with no readable error body";
        return new ParsedError(code, OneLine(message), parsed.RequestId ?? headerRequestId);
    }

    /// <summary>botocore: take <c>__type</c>, drop anything before '#' and after ':'.</summary>
    public static string SanitizeCode(string raw)
    {
        var code = raw;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }

    private static ParsedError FromJson(IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        string? code = Header(headers, "x-amzn-ErrorType");
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                code ??= String(doc.RootElement, "__type") ?? String(doc.RootElement, "code") ?? String(doc.RootElement, "Code");
                message = String(doc.RootElement, "message") ?? String(doc.RootElement, "Message") ?? String(doc.RootElement, "errorMessage");
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a truncated body): the status code speaks instead.
        }

        return new ParsedError(code is null ? "" : SanitizeCode(code), message ?? "", null);
    }

    private static ParsedError FromXml(byte[] body)
    {
        try
        {
            var root = XDocument.Parse(Encoding.UTF8.GetString(body)).Root;
            var error = root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Error");
            var requestId = root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            return new ParsedError(error.Text("Code") ?? "", error.Text("Message") ?? "", requestId);
        }
        catch (System.Xml.XmlException)
        {
            return new ParsedError("", "", null);
        }
    }

    private static string FallbackCode(HttpStatusCode status) => (int)status switch
    {
        429 => "TooManyRequestsException",
        >= 500 => "InternalError",
        403 => "AccessDenied",
        _ => "Http" + (int)status,
    };

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string OneLine(string s)
    {
        var line = s.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
