using System.Buffers;

namespace FinOpsPack.Core.Aws.Transport;

/// <summary>
/// Reads a response body into one array of its exact size. A chunked body (no Content-Length) is gathered in pooled
/// blocks first: HttpClient's own buffering doubles a memory stream instead, leaving a trail of large-object-heap arrays
/// several times the body's size behind every big page.
/// </summary>
internal static class ResponseBody
{
    private const int BlockSize = 64 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        if (content.Headers.ContentLength is { } length and <= int.MaxValue)
        {
            var exact = new byte[length];
            await stream.ReadExactlyAsync(exact, ct).ConfigureAwait(false);
            return exact;
        }

        var blocks = new List<byte[]>();
        var total = 0;
        try
        {
            while (true)
            {
                var block = ArrayPool<byte>.Shared.Rent(BlockSize);
                blocks.Add(block);
                var filled = 0;
                int read;
                while (filled < BlockSize && (read = await stream.ReadAsync(block.AsMemory(filled, BlockSize - filled), ct).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }

                total += filled;
                if (filled < BlockSize)
                {
                    break;
                }
            }

            var body = new byte[total];
            for (var i = 0; i < blocks.Count; i++)
            {
                var count = Math.Min(BlockSize, total - (i * BlockSize));
                Buffer.BlockCopy(blocks[i], 0, body, i * BlockSize, count);
            }

            return body;
        }
        finally
        {
            foreach (var block in blocks)
            {
                ArrayPool<byte>.Shared.Return(block);
            }
        }
    }
}
