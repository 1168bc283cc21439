using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>
/// Reading query/EC2 XML by local name (namespaces vary: EC2's real responses carry a trailing slash its model lacks).
/// Missing elements read as null, never as a default value.
/// </summary>
public static class AwsXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static XElement Parse(AwsResponse response, AwsRequest request)
    {
        try
        {
            using var stream = new MemoryStream(response.Body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return XDocument.Load(reader).Root ?? throw new XmlException("no root element");
        }
        catch (XmlException e)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    /// <summary>For the query protocol: the <c>&lt;OpResult&gt;</c> wrapper under the root.</summary>
    public static XElement Result(this XElement root, string operation) =>
        root.Child(operation + "Result") ?? root;

    public static XElement? Child(this XElement? e, string localName) =>
        e?.Elements().FirstOrDefault(c => c.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(this XElement? e, string localName) =>
        e is null ? [] : e.Elements().Where(c => c.Name.LocalName == localName);

    /// <summary>EC2 lists: <c>&lt;xxxSet&gt;&lt;item&gt;…</c>.</summary>
    public static IEnumerable<XElement> Items(this XElement? e, string setName) => e.Child(setName).Children("item");

    /// <summary>Query lists: <c>&lt;List&gt;&lt;member&gt;…</c>, or the member's locationName (RDS <c>&lt;DBInstances&gt;&lt;DBInstance&gt;</c>).</summary>
    public static IEnumerable<XElement> Members(this XElement? e, string listName, string memberName = "member") =>
        e.Child(listName).Children(memberName);

    public static string? Text(this XElement? e, string localName) => e.Child(localName)?.Value;

    public static int? Int(this XElement? e, string localName) =>
        e.Text(localName) is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    public static long? Long(this XElement? e, string localName) =>
        e.Text(localName) is { Length: > 0 } s ? long.Parse(s, CultureInfo.InvariantCulture) : null;

    public static double? Double(this XElement? e, string localName) =>
        e.Text(localName) is { Length: > 0 } s ? double.Parse(s, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this XElement? e, string localName) =>
        e.Text(localName) is { Length: > 0 } s ? bool.Parse(s) : null;

    public static DateTimeOffset? Time(this XElement? e, string localName) =>
        e.Text(localName) is { Length: > 0 } s
            ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    /// <summary>EC2 <c>tagSet/item{key,value}</c> or query <c>TagList/Tag{Key,Value}</c> into a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Ec2Tags(this XElement e) =>
        e.Items("tagSet").Where(t => t.Text("key") is not null)
            .GroupBy(t => t.Text("key")!).ToDictionary(g => g.Key, g => g.First().Text("value") ?? "");
}
