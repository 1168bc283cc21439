using System.Globalization;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// Counts each resource once. Findings are grouped by resource (id or ARN). Where Cost Optimization Hub covers the
/// resource, its highest recommendation counts and every other finding on it links to that line with COH's figure
/// (so our total over COH-covered resources is COH's de-duplicated total). Elsewhere the actions on one resource are
/// treated as alternatives, as COH does: the highest known saving counts, the others are superseded.
/// </summary>
internal static class SavingsDeduplicator
{
    /// <summary>Evidence key on a Cost Optimization Hub finding: its recommendation id.</summary>
    public const string CohRecommendationId = "coh_recommendation_id";

    /// <summary>Evidence key on a native finding pointing at COH recommendations (comma-separated ids), e.g. purchase recommendations.</summary>
    public const string LinkedCohRecommendations = "coh_recommendation_ids";

    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings)
    {
        // Group numbers in one array rather than a list per group: 100,000 findings make some 70,000 groups.
        var groupOf = new int[findings.Count];
        var groupCount = 0;
        var index = new Dictionary<ResourceKey, int>(findings.Count);
        var cohByRecommendation = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < findings.Count; i++)
        {
            if (IsCoh(findings[i]))
            {
                var group = Place(findings[i], i, groupOf, ref groupCount, index);
                cohByRecommendation[findings[i].Evidence[CohRecommendationId]] = group;
            }
        }

        var cohGroups = groupCount;
        for (var i = 0; i < findings.Count; i++)
        {
            if (IsCoh(findings[i]))
            {
                continue;
            }

            var covered = FirstGroup(Keys(findings[i]), index, below: cohGroups);
            if (covered < 0 && findings[i].Evidence.TryGetValue(LinkedCohRecommendations, out var linked))
            {
                covered = linked.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(id => cohByRecommendation.TryGetValue(id, out var g) ? g : -1)
                    .FirstOrDefault(g => g >= 0, -1);
            }

            if (covered >= 0)
            {
                groupOf[i] = covered;
            }
            else
            {
                Place(findings[i], i, groupOf, ref groupCount, index);
            }
        }

        var result = findings.ToArray();
        foreach (var group in Members(groupOf, groupCount))
        {
            if (group.Count > 1)
            {
                Resolve(group, result);
            }
        }

        return result;
    }

    /// <summary>Each group's positions in ascending order (a counting sort of <paramref name="groupOf"/>).</summary>
    private static IEnumerable<ArraySegment<int>> Members(int[] groupOf, int groupCount)
    {
        var start = new int[groupCount + 1];
        foreach (var g in groupOf)
        {
            start[g + 1]++;
        }

        for (var g = 0; g < groupCount; g++)
        {
            start[g + 1] += start[g];
        }

        var order = new int[groupOf.Length];
        var next = (int[])start.Clone();
        for (var i = 0; i < groupOf.Length; i++)
        {
            order[next[groupOf[i]]++] = i;
        }

        for (var g = 0; g < groupCount; g++)
        {
            yield return new ArraySegment<int>(order, start[g], start[g + 1] - start[g]);
        }
    }

    public static bool IsCoh(Finding finding) =>
        finding.Savings.Source == SavingsSource.CostOptimizationHub && finding.Evidence.ContainsKey(CohRecommendationId);

    private static int Place(Finding finding, int position, int[] groupOf, ref int groupCount, Dictionary<ResourceKey, int> index)
    {
        var keys = Keys(finding);
        var group = FirstGroup(keys, index, below: int.MaxValue);
        if (group < 0)
        {
            group = groupCount++;
        }

        groupOf[position] = group;
        for (var k = 0; k < keys.Count; k++)
        {
            index.TryAdd(keys[k], group);
        }

        return group;
    }

    /// <summary>The group the first known key belongs to, if below <paramref name="below"/>; else -1.</summary>
    private static int FirstGroup(ResourceKeys keys, Dictionary<ResourceKey, int> index, int below)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            if (index.TryGetValue(keys[k], out var group) && group < below)
            {
                return group;
            }
        }

        return -1;
    }

    /// <summary>The resource by account, region and id, and by each ARN it goes by (normalised).</summary>
    private static ResourceKeys Keys(Finding f)
    {
        var idKey = new ResourceKey(f.AccountId, f.Region, f.ResourceId);
        ResourceKey? arn = IsArn(f.ResourceArn) ? ResourceKey.Arn(f.ResourceArn) : null;
        ResourceKey? idArn = IsArn(f.ResourceId) ? ResourceKey.Arn(f.ResourceId) : null;
        return new ResourceKeys(idKey, arn ?? idArn, arn is null ? null : idArn);
    }

    private static bool IsArn([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        value?.StartsWith("arn:", StringComparison.Ordinal) == true;

    /// <summary>Up to three keys of one finding, without an array per finding.</summary>
    private readonly record struct ResourceKeys(ResourceKey First, ResourceKey? Second, ResourceKey? Third)
    {
        public int Count => Second is null ? 1 : Third is null ? 2 : 3;

        public ResourceKey this[int k] => k switch
        {
            0 => First,
            1 => Second!.Value,
            _ => Third!.Value,
        };
    }

    /// <summary>A key made of the finding's own strings: grouping 100,000 findings builds no key strings.</summary>
    private readonly record struct ResourceKey(string? AccountId, string? Region, string Resource)
    {
        public static ResourceKey Arn(string arn) => new(null, null, Arns.Normalize(arn));
    }

    private static void Resolve(ArraySegment<int> group, Finding[] findings)
    {
        // Plain loops: at scale this runs for tens of thousands of groups, and LINQ's buffers per group were the
        // largest transient of the whole evaluation.
        Finding? winner = null;
        var cohCount = 0;
        var natives = new List<string>(2);
        foreach (var i in group)
        {
            var f = findings[i];
            if (IsCoh(f))
            {
                cohCount++;
            }
            else if (!natives.Contains(f.CheckId))
            {
                natives.Add(f.CheckId);
            }
        }

        foreach (var i in group)
        {
            var f = findings[i];
            if (cohCount > 0 ? IsCoh(f) && (winner is null || CohBeats(f, winner)) : winner is null || NativeBeats(f, winner))
            {
                winner = f;
            }
        }

        natives.Sort(StringComparer.Ordinal);
        ResolveTo(group, findings, winner!, cohCount, natives);
    }

    /// <summary>COH lines: the highest saving, then the lowest id.</summary>
    private static bool CohBeats(Finding f, Finding best)
    {
        var c = (f.Savings.MonthlyAmount ?? -1).CompareTo(best.Savings.MonthlyAmount ?? -1);
        return c > 0 || (c == 0 && string.CompareOrdinal(f.Id, best.Id) < 0);
    }

    /// <summary>Native findings: a known saving before an unknown one, then the highest saving, severity, and the lowest check id.</summary>
    private static bool NativeBeats(Finding f, Finding best)
    {
        if ((f.Savings.MonthlyAmount is null) != (best.Savings.MonthlyAmount is null))
        {
            return f.Savings.MonthlyAmount is not null;
        }

        var c = (f.Savings.MonthlyAmount ?? 0).CompareTo(best.Savings.MonthlyAmount ?? 0);
        c = c != 0 ? c : f.Severity.CompareTo(best.Severity);
        return c > 0 || (c == 0 && string.CompareOrdinal(f.CheckId, best.CheckId) < 0);
    }

    private static void ResolveTo(ArraySegment<int> group, Finding[] findings, Finding winner, int coh, List<string> natives)
    {
        var linked = coh > 0 ? Linked(winner) : null;
        foreach (var i in group)
        {
            var f = findings[i];
            if (ReferenceEquals(f, winner))
            {
                findings[i] = coh > 0 && natives.Count > 0
                    ? f with { Evidence = With(f.Evidence, "also_flagged_by", string.Join(", ", natives)) }
                    : f;
            }
            else if (coh > 0 && !IsCoh(f))
            {
                findings[i] = LinkToCoh(f, winner, linked!);
            }
            else
            {
                findings[i] = f with { CountedInTotal = false, SupersededBy = winner.Id };
            }
        }
    }

    /// <summary>
    /// A native finding on a COH-covered resource carries COH's figure (precedence) and links to the counted line; its
    /// own estimate stays in its evidence. The texts are shared, not copied: 30,000 such findings at scale.
    /// </summary>
    private static Finding LinkToCoh(Finding native, Finding coh, SavingsEstimate linked)
    {
        var own = native.Savings.MonthlyAmount is { } amount
            ? string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {native.Savings.Currency}/month ({native.Savings.Source})")
            : $"unknown ({native.Savings.Source})";
        return native with
        {
            Savings = linked,
            Evidence = CompactMap.From(native.Evidence).With(("own_savings_estimate", own), ("own_savings_basis", native.Savings.Basis)),
            CountedInTotal = false,
            SupersededBy = coh.Id,
        };
    }

    private static SavingsEstimate Linked(Finding coh) =>
        coh.Savings with { Basis = $"Cost Optimization Hub's estimate for this resource, counted once on finding {coh.Id} ({coh.Action})" };

    private static CompactMap With(IReadOnlyDictionary<string, string> evidence, string key, string value) =>
        CompactMap.From(evidence).With(key, value);
}
