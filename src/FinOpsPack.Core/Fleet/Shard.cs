using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinOpsPack.Core.Aws;

namespace FinOpsPack.Core.Fleet;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a fleet (<c>--shard i/n</c>, i from 0). An account belongs to the
/// slice of the SHA-256 of its id, so adding or reordering accounts never moves the others between machines.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard All { get; } = new(0, 1);

    public bool Owns(string accountId) => Of(accountId, Count) == Index;

    public static int Of(string accountId, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(accountId));
        return (int)(BitConverter.ToUInt64(hash, 0) % (ulong)count);
    }

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>Parses <c>i/n</c> with 0 ≤ i &lt; n (an AWS Batch array index or a CI matrix value as it comes).</summary>
    public static Shard Parse(string value)
    {
        var parts = (value ?? "").Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= 10000 && index < count)
        {
            return new Shard(index, count);
        }

        throw new UserInputException($"--shard '{value}' must be i/n with 0 <= i < n, e.g. 0/3, 1/3, 2/3");
    }
}
