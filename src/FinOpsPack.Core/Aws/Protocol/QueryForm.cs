using System.Globalization;
using System.Text;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>
/// Form body of the query and EC2 protocols: <c>Action=…&amp;Version=…</c> then members. List naming differs by protocol
/// (query: <c>Name.member.N</c> or the member's locationName; EC2: always <c>Name.N</c>), so callers pass full keys.
/// </summary>
public sealed class QueryForm(AwsService service, string operation)
{
    private readonly List<KeyValuePair<string, string>> _fields =
        [new("Action", operation), new("Version", service.ApiVersion ?? throw new ArgumentException("service has no API version"))];

    public QueryForm Add(string key, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(key, value));
        }

        return this;
    }

    public QueryForm Add(string key, int? value) => Add(key, value?.ToString(CultureInfo.InvariantCulture));

    public QueryForm Add(string key, bool? value) => Add(key, value is null ? null : value.Value ? "true" : "false");

    public QueryForm Add(string key, DateTimeOffset? value) =>
        Add(key, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>Adds <c>{prefix}.1</c>, <c>{prefix}.2</c>, … (1-based, as AWS numbers list members).</summary>
    public QueryForm AddList(string prefix, IEnumerable<string> values)
    {
        var i = 1;
        foreach (var value in values)
        {
            Add($"{prefix}.{i++}", value);
        }

        return this;
    }

    public AwsRequest ToRequest(string region) =>
        new(service, region, _fields[0].Value, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(Encode()),
            "application/x-www-form-urlencoded; charset=utf-8");

    /// <summary>
    /// The form body. Built in one buffer: a GetMetricData form of 500 queries has some 4,000 fields, and a string per
    /// field and pair made it a measurable share of a large scan's CPU.
    /// </summary>
    public string Encode()
    {
        var body = new StringBuilder(_fields.Count * 48);
        foreach (var (key, value) in _fields)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            AppendEscaped(body, key).Append('=');
            AppendEscaped(body, value);
        }

        return body.ToString();
    }

    private static StringBuilder AppendEscaped(StringBuilder body, string text) =>
        text.AsSpan().ContainsAnyExcept(Unreserved) ? body.Append(Uri.EscapeDataString(text)) : body.Append(text);

    // RFC 3986 unreserved characters: what Uri.EscapeDataString leaves as they are.
    private static readonly System.Buffers.SearchValues<char> Unreserved =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");
}
