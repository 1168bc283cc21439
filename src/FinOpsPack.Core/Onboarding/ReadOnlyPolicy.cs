using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Core.Onboarding;

/// <summary>
/// The exact policy of the read-only role: one Allow of the actions the collectors declare, each named in full.
/// There is no second list: <see cref="CollectorCatalog.AllActions"/> is the source, and it is refused if it ever names
/// a wildcard, a non-read verb or a data-plane read.
/// </summary>
public static class ReadOnlyPolicy
{
    public const string StatementId = "FinOpsPackRead";

    /// <summary>The policy for the collectors in this build.</summary>
    public static PolicyDocument Current => Create(CollectorCatalog.AllActions);

    public static PolicyDocument Create(IEnumerable<string> actions)
    {
        var list = actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var problems = Violations(list);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the read-only policy cannot be generated:\n  " + string.Join("\n  ", problems));
        }

        return new PolicyDocument([new PolicyStatement(StatementId, PolicyEffect.Allow, list)]);
    }

    /// <summary>Why these actions cannot be granted, one line each; empty when they can.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyCollection<string> actions)
    {
        var problems = new List<string>();
        if (actions.Count == 0)
        {
            problems.Add("no collector declares any action");
        }

        foreach (var action in actions)
        {
            if (!IamActionPattern.IsValid(action))
            {
                problems.Add($"{action}: not an IAM action name");
            }
            else if (IamActionPattern.HasWildcard(action))
            {
                problems.Add($"{action}: wildcards are not granted (they reach actions nobody reviewed)");
            }
            else if (!ForbiddenActions.IsReadClass(action))
            {
                problems.Add($"{action}: only Describe/List/Get actions are granted");
            }

            if (ForbiddenActions.DataPlaneReadsReachedBy(action) is { Count: > 0 } reached)
            {
                problems.Add($"{action}: reads application data or secrets ({string.Join(", ", reached)})");
            }
        }

        return problems;
    }
}
