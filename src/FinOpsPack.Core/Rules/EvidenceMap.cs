using System.Diagnostics.CodeAnalysis;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// A finding's evidence as a small read-only map: one array of pairs in the order given, looked up by a linear scan. A
/// finding carries about ten entries and a large account 100,000 findings, where a hash table each cost three times the
/// memory for lookups nobody needs fast.
/// </summary>
public sealed class EvidenceMap : IReadOnlyDictionary<string, string>
{
    public static readonly EvidenceMap Empty = new([]);

    private readonly KeyValuePair<string, string>[] _entries;

    private EvidenceMap(KeyValuePair<string, string>[] entries) => _entries = entries;

    /// <summary>The entries of <paramref name="evidence"/>; a key given twice keeps its last value.</summary>
    public static EvidenceMap From(IEnumerable<KeyValuePair<string, string>> evidence) => evidence switch
    {
        EvidenceMap map => map,
        _ => new([.. evidence.Reverse().DistinctBy(e => e.Key, StringComparer.Ordinal).Reverse()]),
    };

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/> (replaced in place when present).</summary>
    public EvidenceMap With(string key, string value)
    {
        var index = IndexOf(key);
        var entries = index < 0 ? [.. _entries, new(key, value)] : _entries.ToArray();
        if (index >= 0)
        {
            entries[index] = new(key, value);
        }

        return new EvidenceMap(entries);
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
