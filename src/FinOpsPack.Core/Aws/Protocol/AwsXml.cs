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

    /// <summary>The whole document as an <see cref="XmlTree"/> (for answers that are not item lists).</summary>
    public static XmlItem ReadRoot(AwsResponse response, AwsRequest request)
    {
        try
        {
            using var stream = new MemoryStream(response.Body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new XmlException("no root element");
            }

            var root = new XmlTree().Load(reader);
            while (!reader.EOF)
            {
                reader.Read();
            }

            return root;
        }
        catch (XmlException e)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    /// <summary>
    /// Reads a list page without building the whole document: each <paramref name="itemName"/> element of the first
    /// <paramref name="setName"/> element is read on its own, straight from the reader into one reused
    /// <see cref="XmlTree"/>, and handed to <paramref name="onItem"/> (valid only during that call). The text of the other
    /// elements near the root (<c>nextToken</c>, <c>Marker</c>, <c>requestId</c>) is kept by local name.
    /// </summary>
    public static StreamedPage ReadPage(AwsResponse response, AwsRequest request, string setName, string itemName, Action<XmlItem> onItem)
    {
        try
        {
            using var stream = new MemoryStream(response.Body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new XmlException("no root element");
            }

            var root = reader.LocalName;
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var setSeen = false;
            var more = reader.Read();
            while (more)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    more = reader.Read();
                }
                else if (!setSeen && reader.LocalName == setName)
                {
                    setSeen = true;
                    ReadItems(reader, itemName, onItem);
                    more = reader.Read();
                }
                else if (reader.Depth <= 2 && !reader.IsEmptyElement)
                {
                    // Look at what the element holds: text is kept; anything else is looked at in turn (not skipped).
                    var name = reader.LocalName;
                    more = reader.Read();
                    if (more && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                    {
                        texts.TryAdd(name, reader.Value);
                        more = reader.Read();
                    }
                }
                else
                {
                    more = reader.Read();
                }
            }

            return new StreamedPage(root, texts);
        }
        catch (XmlException e)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    private static void ReadItems(XmlReader reader, string itemName, Action<XmlItem> onItem)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var tree = new XmlTree();
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == itemName)
            {
                onItem(tree.Load(reader));
            }
            else
            {
                reader.Read();
            }
        }
    }

    /// <summary>
    /// An ISO-8601 timestamp as AWS writes it, in UTC. <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c> (all AWS sends in these
    /// protocols) is read by hand; anything else goes to <see cref="DateTimeOffset.Parse(string, IFormatProvider, DateTimeStyles)"/>
    /// with the same result and the same FormatException on garbage.
    /// </summary>
    public static DateTimeOffset ParseTime(string s) =>
        IsoUtc.TryParse(s, out var value)
            ? value
            : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

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
        e.Text(localName) is { Length: > 0 } s ? ParseTime(s) : null;
}

/// <summary>What <see cref="AwsXml.ReadPage"/> keeps of a page besides its items: the root's name and the texts near it.</summary>
public sealed record StreamedPage(string RootName, IReadOnlyDictionary<string, string> Texts)
{
    public string? Text(string localName) => Texts.GetValueOrDefault(localName);
}
