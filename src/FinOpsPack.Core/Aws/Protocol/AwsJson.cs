using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>awsJson 1.0 / 1.1: <c>POST /</c> with <c>X-Amz-Target</c>; the body is always a JSON object, <c>{}</c> when empty.</summary>
public static class AwsJson
{
    /// <summary>Serializer options for request bodies: member names exactly as given, nulls left out.</summary>
    public static readonly JsonSerializerOptions RequestOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reader options for responses: AWS member names match model records case-insensitively; unknown members are ignored.</summary>
    public static readonly JsonSerializerOptions ResponseOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new EpochSecondsConverter() },
    };

    public static AwsRequest Request(AwsService service, string region, string operation, object? input)
    {
        var version = service.Protocol == AwsProtocol.Json10 ? "1.0" : "1.1";
        var body = input is null ? "{}"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), RequestOptions);
        return new AwsRequest(service, region, operation, HttpMethod.Post, "/", body, "application/x-amz-json-" + version,
            new Dictionary<string, string> { ["X-Amz-Target"] = service.TargetPrefix + "." + operation });
    }

    /// <summary>Parses a response body; garbage becomes a <see cref="AwsServiceException"/> naming the call, never a crash.</summary>
    public static T Parse<T>(AwsResponse response, AwsRequest request)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, ResponseOptions)
                ?? throw new JsonException("empty document");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            // FormatException: an unreadable timestamp string reaching EpochSecondsConverter.
            throw Malformed(request, response, e);
        }
    }

    public static AwsServiceException Malformed(AwsRequest request, AwsResponse response, Exception e) =>
        new(AwsErrorCodes.MalformedResponse, "the response could not be parsed: " + e.Message, response.StatusCode,
            response.RequestId, request.Action, e);

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}

/// <summary>awsJson timestamps are epoch seconds (possibly fractional); ISO strings are accepted too.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000)),
            JsonTokenType.String => DateTimeOffset.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new JsonException("expected a timestamp"),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
}
