using System.Collections.Concurrent;

namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>
/// One shared instance per distinct short value (a state, a type, a zone, a tag key), so 100,000 resources do not each
/// hold their own "running" or "us-east-1a". Unlike <see cref="string.Intern"/> it takes no global lock on reads and is
/// bounded: once <see cref="Capacity"/> values are pooled, new ones are returned as they are (unique values such as
/// per-resource tag values would otherwise fill it for the life of the process).
/// </summary>
public static class TokenPool
{
    public const int MaxLength = 64;
    public const int Capacity = 16_384;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static int _count;

    public static string? Shared(string? value)
    {
        if (value is not { Length: <= MaxLength })
        {
            return value;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        shared = Pool.GetOrAdd(value, value);
        if (ReferenceEquals(shared, value))
        {
            Interlocked.Increment(ref _count);
        }

        return shared;
    }
}
