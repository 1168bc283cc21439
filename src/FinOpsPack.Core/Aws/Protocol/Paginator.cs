using System.Runtime.CompilerServices;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>Follows every page of a token-paginated operation, one page in flight at a time (pages depend on each other).</summary>
public static class Paginator
{
    public static async IAsyncEnumerable<TItem> PaginateAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextToken,
        Func<TPage, IEnumerable<TItem>> items,
        [EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            CallPriority.MarkPage(continuation: token is not null);
            var page = await fetchPage(token, ct).ConfigureAwait(false);
            foreach (var item in items(page))
            {
                yield return item;
            }

            token = nextToken(page);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            // A service that hands back a token it already gave would loop forever; AWS never does, a broken proxy might.
            if (!seen.Add(token))
            {
                throw new InvalidOperationException("pagination token repeated: " + token);
            }
        }
        while (true);
    }
}
