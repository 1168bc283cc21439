using System.Globalization;

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
        var groups = new List<List<int>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var cohByRecommendation = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < findings.Count; i++)
        {
            if (IsCoh(findings[i]))
            {
                var group = Place(findings[i], i, groups, index);
                cohByRecommendation[findings[i].Evidence[CohRecommendationId]] = group;
            }
        }

        var cohGroups = groups.Count;
        for (var i = 0; i < findings.Count; i++)
        {
            if (IsCoh(findings[i]))
            {
                continue;
            }

            var covered = Keys(findings[i]).Select(k => index.TryGetValue(k, out var g) ? g : -1).FirstOrDefault(g => g >= 0 && g < cohGroups, -1);
            if (covered < 0 && findings[i].Evidence.TryGetValue(LinkedCohRecommendations, out var linked))
            {
                covered = linked.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(id => cohByRecommendation.TryGetValue(id, out var g) ? g : -1)
                    .FirstOrDefault(g => g >= 0, -1);
            }

            if (covered >= 0)
            {
                groups[covered].Add(i);
            }
            else
            {
                Place(findings[i], i, groups, index);
            }
        }

        var result = findings.ToArray();
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            Resolve(group, result);
        }

        return result;
    }

    public static bool IsCoh(Finding finding) =>
        finding.Savings.Source == SavingsSource.CostOptimizationHub && finding.Evidence.ContainsKey(CohRecommendationId);

    private static int Place(Finding finding, int position, List<List<int>> groups, Dictionary<string, int> index)
    {
        var keys = Keys(finding);
        var group = keys.Select(k => index.TryGetValue(k, out var g) ? g : -1).FirstOrDefault(g => g >= 0, -1);
        if (group < 0)
        {
            group = groups.Count;
            groups.Add([]);
        }

        groups[group].Add(position);
        foreach (var key in keys)
        {
            index.TryAdd(key, group);
        }

        return group;
    }

    private static List<string> Keys(Finding f)
    {
        var keys = new List<string> { $"{f.AccountId}|{f.Region}|{f.ResourceId}" };
        foreach (var arn in new[] { f.ResourceArn, f.ResourceId }.OfType<string>().Where(a => a.StartsWith("arn:", StringComparison.Ordinal)))
        {
            keys.Add("arn|" + Arns.Normalize(arn));
        }

        return keys;
    }

    private static void Resolve(List<int> group, Finding[] findings)
    {
        var members = group.Select(i => findings[i]).ToList();
        var coh = members.Where(IsCoh).ToList();
        var winner = coh.Count > 0
            ? coh.OrderByDescending(f => f.Savings.MonthlyAmount ?? -1).ThenBy(f => f.Id, StringComparer.Ordinal).First()
            : members.Where(f => f.Savings.MonthlyAmount is not null)
                .OrderByDescending(f => f.Savings.MonthlyAmount)
                .ThenByDescending(f => f.Severity)
                .ThenBy(f => f.CheckId, StringComparer.Ordinal)
                .FirstOrDefault()
              ?? members.OrderByDescending(f => f.Severity).ThenBy(f => f.CheckId, StringComparer.Ordinal).First();

        var natives = members.Where(f => !IsCoh(f)).Select(f => f.CheckId).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var i in group)
        {
            var f = findings[i];
            if (ReferenceEquals(f, winner))
            {
                findings[i] = coh.Count > 0 && natives.Count > 0
                    ? f with { Evidence = With(f.Evidence, "also_flagged_by", string.Join(", ", natives)) }
                    : f;
            }
            else if (coh.Count > 0 && !IsCoh(f))
            {
                findings[i] = LinkToCoh(f, winner);
            }
            else
            {
                findings[i] = f with { CountedInTotal = false, SupersededBy = winner.Id };
            }
        }
    }

    /// <summary>A native finding on a COH-covered resource carries COH's figure (precedence) and links to the counted line.</summary>
    private static Finding LinkToCoh(Finding native, Finding coh)
    {
        var own = native.Savings.MonthlyAmount is { } amount
            ? string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {native.Savings.Currency}/month ({native.Savings.Source}): {native.Savings.Basis}")
            : $"unknown ({native.Savings.Source}): {native.Savings.Basis}";
        return native with
        {
            Savings = coh.Savings with { Basis = $"Cost Optimization Hub's estimate for this resource, counted once on finding {coh.Id} ({coh.Action}): {coh.Savings.Basis}" },
            Evidence = With(native.Evidence, "own_savings_estimate", own),
            CountedInTotal = false,
            SupersededBy = coh.Id,
        };
    }

    private static EvidenceMap With(IReadOnlyDictionary<string, string> evidence, string key, string value) =>
        EvidenceMap.From(evidence).With(key, value);
}
