using System.Text;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>
/// One answer as the handler wrote it: status, headers and body bytes, with where the request id (in each of its forms,
/// <see cref="SampleCall.RequestIdForms"/>) occurs, so a replay carries the new request's id, never the first one's.
/// </summary>
internal sealed class SampleCachedResponse
{
    private static readonly HashSet<string> Framing = new(["Date", "Server", "Content-Length", "Transfer-Encoding"], StringComparer.OrdinalIgnoreCase);

    private readonly (string Name, string Value, int Form)[] _headers;
    private readonly (int Offset, int Form)[] _ids;
    private readonly int[] _formLengths;

    private SampleCachedResponse(int status, (string, string, int)[] headers, byte[] body, (int, int)[] ids, int[] formLengths)
    {
        Status = status;
        _headers = headers;
        Body = body;
        _ids = ids;
        _formLengths = formLengths;
    }

    public int Status { get; }

    public byte[] Body { get; }

    /// <summary>What <paramref name="call"/> is about to send: its status, the headers set so far, and the body bytes.</summary>
    public static SampleCachedResponse Record(SampleCall call, int status, byte[] body)
    {
        var forms = SampleCall.RequestIdForms(call.RequestId);
        var headers = call.Http.Response.Headers
            .Where(h => !Framing.Contains(h.Key))
            .Select(h => (h.Key, Value: h.Value.ToString()))
            .Select(h => (h.Key, h.Value, Array.IndexOf(forms, h.Value)))
            .ToArray();
        var ids = new List<(int Offset, int Form)>();
        var lengths = new int[forms.Length];
        for (var f = 0; f < forms.Length; f++)
        {
            var needle = Encoding.UTF8.GetBytes(forms[f]);
            lengths[f] = needle.Length;
            for (var at = body.AsSpan().IndexOf(needle); at >= 0;)
            {
                ids.Add((at, f));
                var next = body.AsSpan(at + needle.Length).IndexOf(needle);
                at = next < 0 ? -1 : at + needle.Length + next;
            }
        }

        return new SampleCachedResponse(status, headers, body, [.. ids.OrderBy(i => i.Offset)], lengths);
    }

    /// <summary>Writes the answer again as <paramref name="call"/>'s, with its own request id.</summary>
    public async Task WriteAsync(SampleCall call)
    {
        var forms = SampleCall.RequestIdForms(call.RequestId);
        var response = call.Http.Response;
        response.StatusCode = Status;
        foreach (var (name, value, form) in _headers)
        {
            response.Headers[name] = form < 0 ? value : forms[form];
        }

        var ids = forms.Select(f => Encoding.UTF8.GetBytes(f)).ToArray();
        if (ids.Select(i => i.Length).SequenceEqual(_formLengths) is false)
        {
            throw new InvalidOperationException("a request id changed length; the cached answer cannot be replayed");
        }

        var ct = call.Http.RequestAborted;
        var position = 0;
        foreach (var (offset, form) in _ids)
        {
            await response.Body.WriteAsync(Body.AsMemory(position, offset - position), ct).ConfigureAwait(false);
            await response.Body.WriteAsync(ids[form], ct).ConfigureAwait(false);
            position = offset + ids[form].Length;
        }

        await response.Body.WriteAsync(Body.AsMemory(position), ct).ConfigureAwait(false);
    }
}
