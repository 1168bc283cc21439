using System.Diagnostics.CodeAnalysis;

namespace FinOpsPack.Core.Inventory;

/// <summary>
/// A small read-only map (a resource's tags, a finding's evidence): one array of pairs in the order given, looked up by a
/// linear scan. These hold a handful of entries each and a large account has 100,000 of them, where a hash table each
/// costs two to three times the memory for lookups nobody needs fast.
/// </summary>
public sealed class CompactMap : IReadOnlyDictionary<string, string>
{
    public static readonly CompactMap Empty = new([]);

    private readonly KeyValuePair<string, string>[] _entries;

    private CompactMap(KeyValuePair<string, string>[] entries) => _entries = entries;

    /// <summary>The entries of <paramref name="entries"/>; a key given twice keeps its last value.</summary>
    public static CompactMap From(IEnumerable<KeyValuePair<string, string>> entries) => entries switch
    {
        CompactMap map => map,
        IReadOnlyDictionary<string, string> { Count: 0 } => Empty,
        IReadOnlyDictionary<string, string> unique => new([.. unique]),
        _ => new([.. entries.Reverse().DistinctBy(e => e.Key, StringComparer.Ordinal).Reverse()]),
    };

    /// <summary>Entries whose keys are already distinct (the caller checked), taken as they are.</summary>
    internal static CompactMap FromDistinct(KeyValuePair<string, string>[] entries) => entries.Length == 0 ? Empty : new(entries);

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/> (replaced in place when present).</summary>
    public CompactMap With(string key, string value) => With((key, value));

    /// <summary>A copy with each key set to its value (replaced in place when present, else appended in order).</summary>
    public CompactMap With(params ReadOnlySpan<(string Key, string Value)> changes)
    {
        var entries = new List<KeyValuePair<string, string>>(_entries.Length + changes.Length);
        entries.AddRange(_entries);
        foreach (var (key, value) in changes)
        {
            var index = entries.FindIndex(e => string.Equals(e.Key, key, StringComparison.Ordinal));
            if (index >= 0)
            {
                entries[index] = new(key, value);
            }
            else
            {
                entries.Add(new(key, value));
            }
        }

        return new CompactMap([.. entries]);
    }

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<string> Values => _entries.Select(e => e.Value);

    public string this[string key] => IndexOf(key) is >= 0 and var i ? _entries[i].Value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
