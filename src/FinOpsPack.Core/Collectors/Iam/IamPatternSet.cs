namespace FinOpsPack.Core.Collectors.Iam;

/// <summary>
/// Several lists of IAM wildcard patterns (<c>*</c> any run of characters, <c>?</c> one character) read together as one
/// automaton, so questions about all the strings that start with a prefix can be answered exactly: "can any
/// <c>bedrock:</c> action match this statement and none of those denials?". Strings beyond the prefix are explored by
/// subset construction over the literal characters of the patterns plus one stand-in for every other character.
/// </summary>
public sealed class IamPatternSet
{
    /// <summary>Past this many distinct automaton states the search stops and <see cref="Exists"/> answers true.</summary>
    public const int SearchLimit = 50_000;

    private const char Other = '\u0001';

    private readonly List<(int List, string Pattern, int Position)> _states = [];
    private readonly int[][] _acceptingByList;
    private readonly char[] _alphabet;
    private readonly bool _ignoreCase;

    public IamPatternSet(IReadOnlyList<IReadOnlyList<string>> lists, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        _acceptingByList = new int[lists.Count][];
        for (var l = 0; l < lists.Count; l++)
        {
            var accepting = new List<int>();
            foreach (var raw in lists[l])
            {
                var pattern = ignoreCase ? raw.ToLowerInvariant() : raw;
                for (var i = 0; i <= pattern.Length; i++)
                {
                    if (i == pattern.Length)
                    {
                        accepting.Add(_states.Count);
                    }

                    _states.Add((l, pattern, i));
                }
            }

            _acceptingByList[l] = [.. accepting];
        }

        _alphabet = [.. _states.Select(s => s.Pattern).Distinct().SelectMany(p => p).Where(c => c is not '*' and not '?').Distinct().Append(Other)];
    }

    /// <summary>Whether a whole string is matched by list <paramref name="list"/>.</summary>
    public bool Matches(int list, string text) => Accepts(Consume(Start(), text), list);

    /// <summary>
    /// Whether some string <c>prefix + s</c> with a non-empty <c>s</c> satisfies <paramref name="predicate"/>, which is told,
    /// for each list, whether that string is matched by it.
    /// </summary>
    public bool Exists(string prefix, Func<Func<int, bool>, bool> predicate)
    {
        var start = Consume(Start(), prefix);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<SortedSet<int>>();
        foreach (var c in _alphabet)
        {
            Enqueue(Step(start, c));
        }

        while (queue.Count > 0)
        {
            var config = queue.Dequeue();
            if (predicate(l => Accepts(config, l)))
            {
                return true;
            }

            if (seen.Count > SearchLimit)
            {
                return true;
            }

            foreach (var c in _alphabet)
            {
                Enqueue(Step(config, c));
            }
        }

        return false;

        void Enqueue(SortedSet<int> config)
        {
            if (seen.Add(string.Join(',', config)))
            {
                queue.Enqueue(config);
            }
        }
    }

    /// <summary>Some string <c>prefix + s</c> (non-empty s) is matched by the list.</summary>
    public bool CanMatchAfter(int list, string prefix) => Exists(prefix, m => m(list));

    /// <summary>Every string <c>prefix + s</c> (non-empty s) is matched by the list.</summary>
    public bool MatchesAllAfter(int list, string prefix) => !Exists(prefix, m => !m(list));

    private SortedSet<int> Start()
    {
        var set = new SortedSet<int>();
        for (var i = 0; i < _states.Count; i++)
        {
            if (_states[i].Position == 0)
            {
                AddWithClosure(set, i);
            }
        }

        return set;
    }

    private SortedSet<int> Consume(SortedSet<int> config, string text)
    {
        foreach (var c in text)
        {
            config = Step(config, c);
        }

        return config;
    }

    private SortedSet<int> Step(SortedSet<int> config, char raw)
    {
        var c = _ignoreCase ? char.ToLowerInvariant(raw) : raw;
        var next = new SortedSet<int>();
        foreach (var s in config)
        {
            var (_, pattern, pos) = _states[s];
            if (pos == pattern.Length)
            {
                continue;
            }

            var p = pattern[pos];
            if (p == '*')
            {
                AddWithClosure(next, s);
            }
            else if (p == '?' || (p == c && c != Other))
            {
                AddWithClosure(next, s + 1);
            }
        }

        return next;
    }

    /// <summary>A <c>*</c> may match nothing, so a state before a star is also the state after it.</summary>
    private void AddWithClosure(SortedSet<int> set, int s)
    {
        while (set.Add(s) && _states[s].Position < _states[s].Pattern.Length && _states[s].Pattern[_states[s].Position] == '*')
        {
            s++;
        }
    }

    private bool Accepts(SortedSet<int> config, int list) => _acceptingByList[list].Any(config.Contains);
}
