using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>
/// Calls a scan must make: <see cref="Sequential"/> of them one after another (pages follow their token), out of
/// <see cref="Total"/> sent to <see cref="Service"/> in <see cref="Region"/>, none before every step named in
/// <see cref="After"/> has finished.
/// </summary>
public sealed record PlannedStep(string Name, string Service, string Region, int Sequential, int Total, IReadOnlyList<string> After)
{
    public PlannedStep(string name, string service, string region, int sequential, params string[] after)
        : this(name, service, region, sequential, sequential, after)
    {
    }
}

/// <summary>One lower bound on the scan's wall time and what it comes from.</summary>
public sealed record Bound(string Kind, string What, TimeSpan Time);

/// <summary>The critical path: the largest of the bounds, with every bound kept for the record.</summary>
public sealed record CriticalPathResult(
    Bound Critical, Bound LongestChain, IReadOnlyList<Bound> RateLimits, int PlannedCalls, IReadOnlyDictionary<string, int> PlannedByService);

/// <summary>
/// A lower bound on how fast any scanner could make the planned calls against an account with the given latency and
/// rate limits, however parallel: (a) the longest chain of calls that depend on each other, each costing the mean
/// latency; (b) for each token bucket, the time to refill it for the calls beyond its capacity, after the earliest of
/// them can start, plus the last call's own round trip. The critical path is the larger of the two.
/// </summary>
public static class CriticalPath
{
    /// <summary>
    /// Not a bound of AWS's but of the scanner's own settings: with <paramref name="global"/> slots in all and
    /// <paramref name="limitFor"/> per service and region, the calls cannot take less than calls × latency / slots.
    /// </summary>
    public static Bound LimitsBound(IReadOnlyList<PlannedStep> steps, TimeSpan meanLatency, int global, Func<string, int> limitFor)
    {
        var total = steps.Sum(s => s.Total);
        var overall = new Bound("limits", $"{total} calls over {global} slots", meanLatency * Math.Ceiling(total / (double)global));
        var tightest = steps.GroupBy(s => (s.Service, s.Region))
            .Select(g =>
            {
                var slots = Math.Min(global, limitFor(g.Key.Service));
                var calls = g.Sum(s => s.Total);
                return new Bound("limits", $"{g.Key.Service} {g.Key.Region}: {calls} calls over {slots} slots", meanLatency * Math.Ceiling(calls / (double)slots));
            })
            .MaxBy(b => b.Time);
        return tightest is not null && tightest.Time > overall.Time ? tightest : overall;
    }

    public static CriticalPathResult Compute(IReadOnlyList<PlannedStep> steps, TimeSpan meanLatency, IReadOnlyDictionary<string, RateLimit> limits)
    {
        var byName = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var start = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var finish = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var via = new Dictionary<string, string?>(StringComparer.Ordinal);

        TimeSpan Finish(string name, HashSet<string> visiting)
        {
            if (finish.TryGetValue(name, out var done))
            {
                return done;
            }

            if (!visiting.Add(name))
            {
                throw new InvalidOperationException("planned steps depend on each other in a cycle at " + name);
            }

            var step = byName.TryGetValue(name, out var s) ? s : throw new InvalidOperationException("no planned step " + name);
            var begin = TimeSpan.Zero;
            string? before = null;
            foreach (var dependency in step.After)
            {
                var end = Finish(dependency, visiting);
                if (end > begin || before is null)
                {
                    (begin, before) = (end, dependency);
                }
            }

            visiting.Remove(name);
            start[name] = begin;
            via[name] = before;
            return finish[name] = begin + (meanLatency * step.Sequential);
        }

        foreach (var step in steps)
        {
            Finish(step.Name, []);
        }

        var last = steps.MaxBy(s => finish[s.Name])!;
        var chain = new List<string>();
        for (string? at = last.Name; at is not null; at = via[at])
        {
            var step = byName[at];
            chain.Add(step.Sequential == 1 ? step.Name : $"{step.Name} ×{step.Sequential}");
        }

        chain.Reverse();
        var longest = new Bound("chain", string.Join(" → ", chain), finish[last.Name]);

        var buckets = new List<Bound>();
        foreach (var group in steps.GroupBy(s => (s.Service, s.Region)))
        {
            if (!limits.TryGetValue(group.Key.Service, out var limit))
            {
                continue;
            }

            var calls = group.Sum(s => s.Total);
            var beyond = calls - limit.Capacity;
            if (beyond <= 0)
            {
                continue;
            }

            var earliest = group.Min(s => start[s.Name]);
            var refill = TimeSpan.FromSeconds(beyond / limit.RefillPerSecond);
            buckets.Add(new Bound("rate limit", $"{group.Key.Service} {group.Key.Region}: {calls} calls, bucket {limit.Capacity}, refill {limit.RefillPerSecond:0.##}/s",
                earliest + refill + meanLatency));
        }

        buckets.Sort((a, b) => b.Time.CompareTo(a.Time));
        var critical = buckets.Count > 0 && buckets[0].Time > longest.Time ? buckets[0] : longest;
        var byService = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            byService[step.Service] = byService.GetValueOrDefault(step.Service) + step.Total;
        }

        return new CriticalPathResult(critical, longest, buckets, steps.Sum(s => s.Total), byService);
    }
}
