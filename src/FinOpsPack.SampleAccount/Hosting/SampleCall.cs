using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinOpsPack.SampleAccount.Dataset;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>One request to the sample account, already authenticated, with helpers to read it and to answer in each protocol.</summary>
public sealed class SampleCall(HttpContext http, byte[] body, string region, string accountId, SampleDataset dataset)
{
    private IReadOnlyDictionary<string, string>? _form;

    public HttpContext Http { get; } = http;
    public byte[] Body { get; } = body;

    /// <summary>The region from the request's SigV4 credential scope.</summary>
    public string Region { get; } = region;

    /// <summary>The account the caller's credentials belong to (the sample account issues them in AssumeRole).</summary>
    public string AccountId { get; } = accountId;

    public SampleDataset Dataset { get; } = dataset;

    public string RequestId { get; } = Guid.NewGuid().ToString();

    /// <summary>S3's <c>x-amz-id-2</c> (host id) for this request, derived from the request id.</summary>
    public string HostId => RequestIdForms(RequestId)[1];

    /// <summary>Set by the host when the answer may be cached: <see cref="WriteAsync"/> then keeps what it sent.</summary>
    internal bool Capture { get; set; }

    /// <summary>The answer sent, when <see cref="Capture"/> was set and the handler wrote exactly once.</summary>
    internal SampleCachedResponse? Written { get; private set; }

    private bool _wrote;

    /// <summary>Who signed the request.</summary>
    public SampleIdentity? Caller { get; init; }

    /// <summary>The dataset of another account of the organization, by account id (STS AssumeRole into a member's role).</summary>
    public Func<string, SampleDataset?>? AccountDataset { get; init; }

    /// <summary>Where STS issues and looks up credentials.</summary>
    public SampleCredentialStore? CredentialStore { get; init; }

    /// <summary>Form fields of a query/EC2 request (decoded).</summary>
    public IReadOnlyDictionary<string, string> Form => _form ??= ParseForm(Encoding.UTF8.GetString(Body));

    public string? Header(string name) => Http.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out StringValues v) ? v.ToString() : null;

    public JsonNode? Json() => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>Values of <c>{prefix}.1</c>, <c>{prefix}.2</c>, … in order.</summary>
    public IReadOnlyList<string> FormList(string prefix)
    {
        var values = new List<string>();
        for (var i = 1; Form.TryGetValue($"{prefix}.{i}", out var v); i++)
        {
            values.Add(v);
        }

        return values;
    }

    public Task WriteXmlAsync(string xml, int status = 200) => WriteAsync(xml, "text/xml", status);

    public Task WriteJsonAsync(JsonNode json, string contentType, int status = 200) =>
        WriteAsync(json.ToJsonString(JsonOptions), contentType, status);

    public async Task WriteAsync(string text, string contentType, int status = 200)
    {
        Http.Response.StatusCode = status;
        Http.Response.ContentType = contentType;
        Http.Response.Headers["x-amzn-RequestId"] = RequestId;
        Http.Response.Headers["x-amz-request-id"] = RequestId;
        if (!Capture)
        {
            await Http.Response.WriteAsync(text, Http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        Written = _wrote ? null : SampleCachedResponse.Record(this, status, bytes);
        _wrote = true;
        await Http.Response.Body.WriteAsync(bytes, Http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Every form in which a request id appears in an answer: as is, and S3's host id.</summary>
    internal static string[] RequestIdForms(string requestId) => [requestId, Convert.ToBase64String(Encoding.UTF8.GetBytes(requestId))];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static Dictionary<string, string> ParseForm(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            fields[key] = value;
        }

        return fields;
    }
}
