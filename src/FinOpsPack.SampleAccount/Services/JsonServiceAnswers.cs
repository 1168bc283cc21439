using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>An error the sample account answers with, in the service's own error format.</summary>
internal sealed class SampleServiceError(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}

/// <summary>How the awsJson services of the sample account read requests and write answers.</summary>
internal static class JsonServiceAnswers
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The operation named by <c>X-Amz-Target: {targetPrefix}.{Operation}</c>, or null.</summary>
    public static string? Operation(SampleCall call, AwsService service)
    {
        var prefix = service.TargetPrefix + ".";
        return call.Header("X-Amz-Target") is { } target && target.StartsWith(prefix, StringComparison.Ordinal)
            ? target[prefix.Length..]
            : null;
    }

    /// <summary>The operation if it is one of <paramref name="served"/>; anything else (Update*, Create*…) is not served.</summary>
    public static string? Operation(SampleCall call, AwsService service, IReadOnlySet<string> served) =>
        Operation(call, service) is { } op && served.Contains(op) ? op : null;

    public static string ContentType(AwsService service) =>
        service.Protocol == AwsProtocol.Json10 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";

    /// <summary>The request body; AWS answers a body that is not a JSON object with SerializationException.</summary>
    public static JsonObject Input(SampleCall call)
    {
        try
        {
            return call.Json() as JsonObject ?? (call.Body.Length == 0 ? [] : throw new JsonException("not an object"));
        }
        catch (JsonException)
        {
            throw new SampleServiceError("SerializationException", "Start of structure or map found where not expected.");
        }
    }

    /// <summary>Runs an operation and writes its result, or the error it raised, as the service does.</summary>
    public static async Task AnswerAsync(SampleCall call, AwsService service, string messageMember, Func<JsonObject, object> operation)
    {
        object result;
        try
        {
            result = operation(Input(call));
        }
        catch (SampleServiceError e)
        {
            await ErrorAsync(call, service, e.Code, e.Message, e.Status, messageMember).ConfigureAwait(false);
            return;
        }

        await call.WriteJsonAsync(JsonSerializer.SerializeToNode(result, result.GetType(), Options)!, ContentType(service)).ConfigureAwait(false);
    }

    public static Task ErrorAsync(SampleCall call, AwsService service, string type, string message, int status, string messageMember) =>
        call.WriteJsonAsync(new JsonObject { ["__type"] = type, [messageMember] = message }, ContentType(service), status);

    public static string? String(this JsonObject input, string name) =>
        input[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(this JsonObject input, string name)
    {
        if (input[name] is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        throw new SampleServiceError("SerializationException", $"NUMBER_VALUE can not be converted to an Integer ({name})");
    }

    public static bool? Bool(this JsonObject input, string name) =>
        input[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static IReadOnlyList<string> Strings(this JsonObject input, string name) =>
        input[name] is JsonArray a ? [.. a.Select(n => n?.GetValue<string>() ?? "")] : [];

    public static double Epoch(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Smithy-style validation text, as AWS's Coral front ends word it.</summary>
    public static SampleServiceError Invalid(string code, string member, object? value, string constraint) =>
        new(code, $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    /// <summary>The page size actually served: what was asked (within the model's bounds), never more than the dataset allows.</summary>
    public static int PageSize(int? requested, int defaultSize, int max, string code, string member, int maxPage)
    {
        var size = requested ?? defaultSize;
        if (size < 1 || size > max)
        {
            throw Invalid(code, member, size, $"Member must have value between 1 and {max}");
        }

        return Math.Min(size, maxPage);
    }
}

/// <summary>
/// Opaque pagination tokens bound to the request they continue (the token of one query is refused by another, as
/// AWS refuses it), carrying the offset of the next item.
/// </summary>
internal static class SamplePageToken
{
    public static string Encode(string scope, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Hash(scope) + ":" + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>0 for no token; null for a token that is garbage or belongs to another request.</summary>
    public static int? Decode(string? token, string scope)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.LastIndexOf(':');
            return colon > 0 && text[..colon] == Hash(scope)
                && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>One page of <paramref name="items"/> from the token's offset, and the token of the next page.</summary>
    public static (List<T> Page, string? Next) Slice<T>(IReadOnlyList<T> items, int offset, int size, string scope)
    {
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + size < items.Count ? Encode(scope, offset + size) : null;
        return (page, next);
    }

    private static string Hash(string scope) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
}
