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
