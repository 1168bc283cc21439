using System.Collections.Concurrent;
using System.Security.Cryptography;
using FinOpsPack.SampleAccount.Dataset;
using Microsoft.AspNetCore.Http.Features;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>
/// Answers the sample account has already generated, kept so that serving the same request again costs (almost) no CPU:
/// real AWS's CPU is not on the scanner's machine, while the sample account's is. Opt-in through
/// <see cref="SampleAccountOptions.ResponseCache"/>; one cache may be shared by several servers of the same datasets
/// (the benchmark starts a fresh server, with full token buckets, for each scan).
/// The server consults it only after SigV4, the account check, injected latency, token-bucket throttling and every
/// other fault: those still happen per request. Only 2xx answers are stored; STS never is (it issues credentials the
/// server must remember); request ids in the headers and body are replaced by the new request's own on every replay.
/// </summary>
public sealed class SampleResponseCache
{
    private readonly ConcurrentDictionary<string, SampleCachedResponse> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _missesByService = new(StringComparer.Ordinal);
    private readonly Lock _bindLock = new();
    private SampleDataset[]? _datasets;
    private int _hits;
    private int _misses;
    private long _bytes;

    /// <summary>Requests answered from the cache.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Cacheable requests the cache could not answer (their answer was generated, and stored when 2xx).</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>Misses per service signing name.</summary>
    public IReadOnlyDictionary<string, int> MissesByService => _missesByService;

    public int Entries => _entries.Count;

    /// <summary>Body bytes held.</summary>
    public long StoredBytes => Interlocked.Read(ref _bytes);

    /// <summary>Zeroes the hit and miss counters; the stored answers stay.</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _hits, 0);
        Interlocked.Exchange(ref _misses, 0);
        _missesByService.Clear();
    }

    /// <summary>A cache belongs to one set of datasets: an answer is only the same answer from the same data.</summary>
    internal void Bind(SampleDataset management, IReadOnlyList<SampleDataset> members)
    {
        SampleDataset[] datasets = [management, .. members];
        lock (_bindLock)
        {
            if (_datasets is null)
            {
                _datasets = datasets;
            }
            else if (!_datasets.SequenceEqual(datasets, ReferenceEqualityComparer.Instance))
            {
                throw new InvalidOperationException("a sample account response cache can only be shared between servers of the same datasets");
            }
        }
    }

    /// <summary>
    /// What identifies an answer: the account answering, the credential scope's service and region, the method, the raw
    /// request target (path and query as sent) and the body (by SHA-256). Headers are not in it: dates and signatures differ.
    /// </summary>
    internal static string KeyFor(SampleCall call, string service)
    {
        var request = call.Http.Request;
        var target = call.Http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        return string.Join('\n', call.AccountId, service, call.Region, request.Method, target, Convert.ToHexString(SHA256.HashData(call.Body)));
    }

    internal SampleCachedResponse? Find(string key, string service)
    {
        if (_entries.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        Interlocked.Increment(ref _misses);
        _missesByService.AddOrUpdate(service, 1, (_, n) => n + 1);
        return null;
    }

    internal void Store(string key, SampleCachedResponse response)
    {
        if (response.Status is >= 200 and < 300 && _entries.TryAdd(key, response))
        {
            Interlocked.Add(ref _bytes, response.Body.Length);
        }
    }
}
