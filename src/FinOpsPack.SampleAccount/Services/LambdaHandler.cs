using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// AWS Lambda of the sample account (rest-json, regional): <c>GET /2015-03-31/functions</c>. Like AWS it returns
/// environment variables in plain text (orders-api carries the fake secret), so the scanner's discarding them is tested
/// for real. Errors: status, <c>x-amzn-ErrorType</c> header and a <c>{"Type","message"}</c> body.
/// </summary>
public sealed class LambdaHandler : ISampleServiceHandler
{
    /// <summary>Lambda's own cap per page, whatever MaxItems asks.</summary>
    public const int ServicePageCap = 50;

    public AwsService Service => AwsService.Lambda;

    public string ThrottleCode => "TooManyRequestsException";

    public string? ResolveOperation(SampleCall call) =>
        call.Http.Request.Method == "GET" && call.Http.Request.Path.Value is "/2015-03-31/functions" or "/2015-03-31/functions/"
            ? "ListFunctions"
            : null;

    public async Task HandleAsync(SampleCall call, string operation, CancellationToken ct)
    {
        JsonNode body;
        try
        {
            body = ListFunctions(call);
        }
        catch (SampleServiceError e)
        {
            call.Http.Response.Headers["x-amzn-ErrorType"] = e.Code;
            await call.WriteJsonAsync(new JsonObject { ["Type"] = "User", ["message"] = e.Message }, "application/json", e.Status)
                .ConfigureAwait(false);
            return;
        }

        await call.WriteJsonAsync(body, "application/json").ConfigureAwait(false);
    }

    private static JsonObject ListFunctions(SampleCall call)
    {
        var maxItems = call.Query("MaxItems") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10000
                ? n
                : throw new SampleServiceError("InvalidParameterValueException", "1 validation error detected: Value '" + text +
                    "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000")
            : ServicePageCap;
        var size = Math.Min(Math.Min(maxItems, ServicePageCap), call.Dataset.MaxPageSize);
        var scope = "ListFunctions/" + call.Region;
        var offset = SamplePageToken.Decode(call.Query("Marker"), scope)
            ?? throw new SampleServiceError("InvalidParameterValueException", "Invalid marker");
        var functions = call.Dataset.LambdaFunctions.Where(f => f.Region == call.Region && f.AccountId == call.AccountId)
            .OrderBy(f => f.FunctionName, StringComparer.Ordinal).ToList();
        var (page, next) = SamplePageToken.Slice(functions, offset, size, scope);
        return new JsonObject
        {
            ["Functions"] = new JsonArray([.. page.Select(f => Configuration(call, f))]),
            ["NextMarker"] = next,
        };
    }

    private static JsonObject Configuration(SampleCall call, LambdaFunction f)
    {
        var json = new JsonObject
        {
            ["FunctionName"] = f.FunctionName,
            ["FunctionArn"] = f.FunctionArn,
            ["Role"] = $"arn:aws:iam::{f.AccountId}:role/service-role/{f.FunctionName}-role",
            ["CodeSize"] = f.CodeSizeBytes,
            ["Description"] = "",
            ["Timeout"] = f.TimeoutSeconds,
            ["MemorySize"] = f.MemorySizeMb,
            ["LastModified"] = f.LastModified?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
            ["CodeSha256"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(f.FunctionArn))),
            ["Version"] = "$LATEST",
            ["TracingConfig"] = new JsonObject { ["Mode"] = "PassThrough" },
            ["RevisionId"] = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(f.FunctionArn))[..16]).ToString(),
            ["PackageType"] = f.PackageType,
            ["Architectures"] = new JsonArray([.. f.Architectures.Select(a => JsonValue.Create(a))]),
            ["EphemeralStorage"] = new JsonObject { ["Size"] = 512 },
            ["SnapStart"] = new JsonObject { ["ApplyOn"] = "None", ["OptimizationStatus"] = "Off" },
            ["LoggingConfig"] = new JsonObject { ["LogFormat"] = "Text", ["LogGroup"] = "/aws/lambda/" + f.FunctionName },
        };
        if (f.PackageType == "Zip")
        {
            json["Runtime"] = f.Runtime;
            json["Handler"] = f.Runtime?.StartsWith("python", StringComparison.Ordinal) == true ? "app.handler" : "index.handler";
        }

        if (call.Dataset.LambdaEnvironments.TryGetValue(f.FunctionArn, out var variables))
        {
            json["Environment"] = new JsonObject { ["Variables"] = JsonSerializer.SerializeToNode(variables) };
        }

        return json;
    }
}
