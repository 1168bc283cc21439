using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Fleet;

/// <summary>
/// Joins scan documents that each cover some accounts (one account of an organization scan, or one shard's scan.json)
/// into one. Every account is taken from exactly one part, the management account's organization-wide data (spend,
/// Cost Optimization Hub, the organization) once; the same function builds an unsharded run's document, so merging the
/// shards of a run gives the same document as scanning all its accounts on one machine.
/// </summary>
public static class FleetMerger
{
    public static ScanResult Merge(IReadOnlyList<ScanResult> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("nothing to merge", nameof(parts));
        }

        // Each account comes from one part: a part that scanned it beats one that could not; then the first.
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var chosen = new Dictionary<string, AccountScan>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var account in parts[i].Accounts ?? [])
            {
                if (!chosen.TryGetValue(account.AccountId, out var held) || (held.Status == AccountScanStatus.NotAssumed && account.Status != AccountScanStatus.NotAssumed))
                {
                    chosen[account.AccountId] = account;
                    owner[account.AccountId] = i;
                }
            }
        }

        var accounts = chosen.Values.OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        var management = accounts.FirstOrDefault(a => a.Management && a.Status != AccountScanStatus.NotAssumed);
        var home = management is not null ? owner[management.AccountId] : 0;
        bool Owns(int part, string accountId) => owner.TryGetValue(accountId, out var o) ? o == part : part == home;

        var inventory = MergeInventory(parts, Owns, home);
        var findings = parts.SelectMany((p, i) => p.Findings.Where(f => Owns(i, f.AccountId)))
            .DistinctBy(f => f.Id)
            .OrderBy(f => f.AccountId, StringComparer.Ordinal)
            .ToList();
        var collectors = management?.Collectors ?? parts[home].Collectors;
        var exitCode = accounts.Any(a => a.IsGap) || collectors.Any(IsMissing) ? ExitCodes.Partial : ExitCodes.Ok;
        var metadata = parts[home].Scan;
        var startedAt = parts.Min(p => p.Scan.StartedAt);
        var finishedAt = parts.Max(p => p.Scan.FinishedAt);
        return new ScanResult
        {
            Scan = metadata with
            {
                Regions = [.. parts.SelectMany(p => p.Scan.Regions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                StartedAt = startedAt,
                FinishedAt = finishedAt,
                DurationMs = (finishedAt - startedAt).TotalMilliseconds,
                ExitCode = exitCode,
            },
            Inventory = inventory,
            Collectors = collectors,
            Api = MergeApi(parts.Select(p => p.Api)),
            Findings = findings,
            Savings = MergeSavings(parts.Select(p => p.Savings), parts[home].Savings?.MonthlySpendBaseline),
            Accounts = accounts,
        };
    }

    public static bool IsMissing(CollectorOutcome outcome) => outcome.Status is CollectorStatus.Failed or CollectorStatus.NotPermitted;

    private static AccountInventory MergeInventory(IReadOnlyList<ScanResult> parts, Func<int, string, bool> owns, int home)
    {
        List<T> Take<T>(Func<AccountInventory, IReadOnlyList<T>> list, Func<T, string> account) =>
            [.. parts.SelectMany((p, i) => list(p.Inventory).Where(x => owns(i, account(x)))).OrderBy(account, StringComparer.Ordinal)];

        var main = parts[home].Inventory;
        return main with
        {
            Regions = [.. parts.SelectMany(p => p.Inventory.Regions).DistinctBy(r => r.RegionName).OrderBy(r => r.RegionName, StringComparer.Ordinal)],
            Organization = main.Organization ?? parts.Select(p => p.Inventory.Organization).FirstOrDefault(o => o is not null),
            Ec2Instances = Take(i => i.Ec2Instances, x => x.AccountId),
            EbsVolumes = Take(i => i.EbsVolumes, x => x.AccountId),
            EbsSnapshots = Take(i => i.EbsSnapshots, x => x.AccountId),
            ElasticIps = Take(i => i.ElasticIps, x => x.AccountId),
            NatGateways = Take(i => i.NatGateways, x => x.AccountId),
            MachineImages = Take(i => i.MachineImages, x => x.AccountId),
            RdsInstances = Take(i => i.RdsInstances, x => x.AccountId),
            RdsSnapshots = Take(i => i.RdsSnapshots, x => x.AccountId),
            EcsClusters = Take(i => i.EcsClusters, x => x.AccountId),
            EcsServices = Take(i => i.EcsServices, x => x.AccountId),
            LambdaFunctions = Take(i => i.LambdaFunctions, x => x.AccountId),
            S3Buckets = Take(i => i.S3Buckets, x => x.AccountId),
            IamPrincipals = Take(i => i.IamPrincipals, x => x.AccountId),

            // Metric evidence carries no account id: each part's own, once.
            Metrics = [.. parts.SelectMany(p => p.Inventory.Metrics).Distinct()],
            CohRecommendations = [.. main.CohRecommendations],
        };
    }

    private static ApiUsage MergeApi(IEnumerable<ApiUsage> usages)
    {
        var list = usages.ToList();
        return new ApiUsage(
            list.Sum(u => u.Calls),
            list.Sum(u => u.Attempts),
            list.Sum(u => u.Throttled),
            list.Sum(u => u.Retries),
            list.Sum(u => u.Failed),
            SumBy(list.Select(u => u.CallsByService)),
            list.Sum(u => u.CostExplorerRequests),
            list.Sum(u => u.CostExplorerCostUsd),
            list.Sum(u => u.SumOfCallDurationsMs));
    }

    /// <summary>Accounts share no resource, so their totals add up; the spend baseline is the organization's, read once.</summary>
    private static SavingsTotals? MergeSavings(IEnumerable<SavingsTotals?> totals, decimal? baseline)
    {
        var list = totals.OfType<SavingsTotals>().ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var monthly = list.Sum(t => t.MonthlySavings);
        return new SavingsTotals(
            list[0].Currency,
            monthly,
            list.Sum(t => t.AnnualSavings),
            baseline,
            baseline is > 0 ? Math.Round(monthly / baseline.Value, 4) : null,
            list.Sum(t => t.FindingsWithSavings),
            list.Sum(t => t.FindingsWithUnknownSavings),
            SumBy(list.Select(t => t.MonthlyByCategory)),
            SumBy(list.Select(t => t.MonthlyByService)),
            SumOrNull(list.Select(t => t.CohDedupedTotal)),
            SumOrNull(list.Select(t => t.CohCoveredTotal)));
    }

    private static decimal? SumOrNull(IEnumerable<decimal?> values)
    {
        var known = values.OfType<decimal>().ToList();
        return known.Count == 0 ? null : known.Sum();
    }

    private static SortedDictionary<string, TValue> SumBy<TValue>(IEnumerable<IReadOnlyDictionary<string, TValue>> maps)
        where TValue : System.Numerics.IAdditionOperators<TValue, TValue, TValue>
    {
        var sum = new SortedDictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in maps.SelectMany(m => m))
        {
            sum[key] = sum.TryGetValue(key, out var held) ? held + value : value;
        }

        return sum;
    }
}
