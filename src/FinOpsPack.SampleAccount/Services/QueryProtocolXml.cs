using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// Answers in the query protocol as RDS, IAM and CloudWatch do: <c>&lt;OpResponse xmlns=…&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;
/// &lt;ResponseMetadata&gt;&lt;RequestId&gt;</c>, and errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.
/// Documents are built as XML trees, so every value is escaped.
/// </summary>
internal static class QueryProtocolXml
{
    public static string Namespace(AwsService service) => service.SigningName switch
    {
        "rds" => "http://rds.amazonaws.com/doc/2014-10-31/",
        "iam" => "https://iam.amazonaws.com/doc/2010-05-08/",
        "monitoring" => "http://monitoring.amazonaws.com/doc/2010-08-01/",
        var other => $"https://{other}.amazonaws.com/doc/{service.ApiVersion}/",
    };

    /// <summary>The Action of a query request when it is one of <paramref name="operations"/> at the service's API version.</summary>
    public static string? Operation(SampleCall call, AwsService service, IReadOnlyCollection<string> operations) =>
        call.Form.TryGetValue("Action", out var action) && operations.Contains(action)
        && call.Form.TryGetValue("Version", out var version) && version == service.ApiVersion
            ? action
            : null;

    public static Task WriteResultAsync(SampleCall call, AwsService service, string operation, params object?[] content)
    {
        var root = new XElement(operation + "Response",
            new XElement(operation + "Result", content),
            new XElement("ResponseMetadata", new XElement("RequestId", call.RequestId)));
        return call.WriteXmlAsync(Serialize(root, service));
    }

    public static Task WriteErrorAsync(SampleCall call, AwsService service, int status, string code, string message, string type = "Sender")
    {
        var root = new XElement("ErrorResponse",
            new XElement("Error", new XElement("Type", type), new XElement("Code", code), new XElement("Message", message)),
            new XElement("RequestId", call.RequestId));
        return call.WriteXmlAsync(Serialize(root, service), status);
    }

    /// <summary>A query list: <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c> (or the member's locationName).</summary>
    public static XElement List(string name, IEnumerable<object?> members, string memberName = "member") =>
        new(name, members.Select(m => new XElement(memberName, m)));

    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Bool(bool b) => b ? "true" : "false";

    public static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An opaque pagination token bound to the request it continues (other parameters must not change).</summary>
    public static string Token(string scope, int offset) => Token(scope, offset.ToString(CultureInfo.InvariantCulture));

    public static string Token(string scope, string state) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{state}|{Fingerprint(scope)}"));

    /// <summary>The offset a token carries, or null when it is not one of ours for this request.</summary>
    public static int? Offset(string token, string scope) =>
        State(token, scope) is { } state && int.TryParse(state, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;

    /// <summary>The state a token carries, or null when it is not one of ours for this request.</summary>
    public static string? State(string token, string scope)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.LastIndexOf('|');
            return bar > 0 && text[(bar + 1)..] == Fingerprint(scope) ? text[..bar] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The request's parameters except the token itself, as the scope a token belongs to.</summary>
    public static string Scope(SampleCall call, string tokenField) =>
        call.Region + "\n" + string.Join('\n', call.Form.Where(f => f.Key != tokenField).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + f.Value));

    /// <summary>A stable identifier for a name, in AWS's upper-case style (e.g. IAM unique ids, DbiResourceId).</summary>
    public static string StableId(string prefix, string seed, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[hash[i % hash.Length] % Alphabet.Length];
        }

        return prefix + new string(chars);
    }

    private static string Fingerprint(string scope) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];

    private static string Serialize(XElement root, AwsService service)
    {
        XNamespace ns = Namespace(service);
        foreach (var e in root.DescendantsAndSelf())
        {
            e.Name = ns + e.Name.LocalName;
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }
}
