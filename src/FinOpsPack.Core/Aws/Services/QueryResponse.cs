using System.Xml;
using System.Xml.Linq;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services;

/// <summary>
/// Sends a query-protocol form and reads the <c>&lt;OpResult&gt;</c> element. Anything unreadable in the answer (bad XML,
/// a number that is not one, a required member missing) becomes an <see cref="AwsServiceException"/>, never a crash.
/// </summary>
internal static class QueryResponse
{
    public static async Task<T> SendAsync<T>(
        IAwsTransport transport, QueryForm form, string region, Func<XElement, T> read, CancellationToken ct)
    {
        var request = form.ToRequest(region);
        var response = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return Read(response, request, read);
    }

    /// <summary>
    /// A list page read item by item (<see cref="AwsXml.ReadPage"/>): <paramref name="listName"/>'s
    /// <paramref name="memberName"/> elements become <typeparamref name="T"/>s; the page keeps the texts near the root (Marker).
    /// </summary>
    public static async Task<(List<T> Items, StreamedPage Page)> SendPageAsync<T>(
        IAwsTransport transport, QueryForm form, string region, string listName, string memberName, Func<XmlItem, T> read, CancellationToken ct)
    {
        var request = form.ToRequest(region);
        var response = await transport.SendAsync(request, ct).ConfigureAwait(false);
        var items = new List<T>();
        try
        {
            var page = AwsXml.ReadPage(response, request, listName, memberName, e => items.Add(read(e)));
            var expected = request.Operation + "Response";
            if (page.RootName != expected)
            {
                throw new FormatException($"expected <{expected}>, got <{page.RootName}>");
            }

            return (items, page);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    public static T Read<T>(AwsResponse response, AwsRequest request, Func<XElement, T> read)
    {
        var root = AwsXml.Parse(response, request);
        var expected = request.Operation + "Response";
        if (root.Name.LocalName != expected)
        {
            throw AwsJson.Malformed(request, response, new FormatException($"expected <{expected}>, got <{root.Name.LocalName}>"));
        }

        try
        {
            return read(root.Result(request.Operation));
        }
        catch (Exception e) when (e is FormatException or OverflowException or XmlException)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }
}
