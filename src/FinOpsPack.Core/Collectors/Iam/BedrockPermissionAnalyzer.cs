using FinOpsPack.Core.Aws.Services.Iam;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Iam;

/// <summary>The analysis of one account's authorization details.</summary>
/// <param name="UnresolvedPolicyArns">Attached managed policies whose document was not in the details (their grants are unknown).</param>
/// <param name="UnknownGroups">Groups named in a user's GroupList but absent from the details.</param>
public sealed record BedrockAnalysis(
    IReadOnlyList<IamPrincipal> Principals,
    BedrockGovernance Governance,
    IReadOnlyList<string> UnresolvedPolicyArns,
    IReadOnlyList<string> UnknownGroups);

/// <summary>
/// Which IAM roles and users may use Amazon Bedrock, from where, and whether a permissions boundary caps them.
/// A principal is Bedrock-capable when one of its identity policies (attached managed — default version —, inline, and for
/// users their groups' inline and attached policies) has an unconditional or conditional <c>Allow</c> that covers some
/// <c>bedrock:</c> action on a resource a Bedrock action can have, unless every such action is also denied by an
/// unconditional <c>Deny</c> on <c>Resource: "*"</c> in the same principal's policies. Actions match case-insensitively
/// with <c>*</c>/<c>?</c> wildcards anywhere (<c>*</c>, <c>*:*</c>, <c>bed*:Invoke*</c>); <c>NotAction</c> allows
/// everything it does not name. Boundaries are reported, not evaluated. Pure: no I/O, no clock.
/// </summary>
public static class BedrockPermissionAnalyzer
{
    public const string ActionPrefix = "bedrock:";
    private const string BedrockArnPrefix = "arn:aws:bedrock:";

    public static BedrockAnalysis Analyze(
        string accountId,
        IReadOnlyList<RoleDetail> roles,
        IReadOnlyList<UserDetail> users,
        IReadOnlyList<GroupDetail> groups,
        IReadOnlyList<ManagedPolicyDetail> policies)
    {
        var policiesByArn = policies.GroupBy(p => p.Arn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var groupsByName = groups.GroupBy(g => g.GroupName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var unresolved = new SortedSet<string>(StringComparer.Ordinal);
        var unknownGroups = new SortedSet<string>(StringComparer.Ordinal);

        List<SourcedPolicy> Managed(IEnumerable<AttachedPolicy> attached, string scope) =>
            [.. attached.SelectMany(a =>
            {
                if (policiesByArn.TryGetValue(a.PolicyArn, out var p) && p.DefaultDocument is { } doc)
                {
                    return new[] { new SourcedPolicy($"{scope}managed:{p.PolicyName}", doc) };
                }

                unresolved.Add(a.PolicyArn);
                return [];
            })];

        static IEnumerable<SourcedPolicy> Inline(IEnumerable<InlinePolicy> inline, string scope) =>
            inline.Select(p => new SourcedPolicy($"{scope}inline:{p.PolicyName}", p.PolicyDocument));

        var facts = new StatementFacts();
        var principals = new List<IamPrincipal>();
        foreach (var role in roles)
        {
            var sources = Inline(role.RolePolicyList, "").Concat(Managed(role.AttachedManagedPolicies, "")).ToList();
            principals.Add(Evaluate(accountId, PrincipalKind.Role, role.RoleName, role.Arn, role.Path, role.PermissionsBoundary, sources, facts));
        }

        foreach (var user in users)
        {
            var sources = Inline(user.UserPolicyList, "").Concat(Managed(user.AttachedManagedPolicies, "")).ToList();
            foreach (var groupName in user.GroupList)
            {
                if (!groupsByName.TryGetValue(groupName, out var group))
                {
                    unknownGroups.Add(groupName);
                    continue;
                }

                var scope = $"group:{group.GroupName}/";
                sources.AddRange(Inline(group.GroupPolicyList, scope));
                sources.AddRange(Managed(group.AttachedManagedPolicies, scope));
            }

            principals.Add(Evaluate(accountId, PrincipalKind.User, user.UserName, user.Arn, user.Path, user.PermissionsBoundary, sources, facts));
        }

        return new BedrockAnalysis(principals, Governance(principals), [.. unresolved], [.. unknownGroups]);
    }

    /// <summary>The KPI over a set of principals: share (0–1, four decimals) of Bedrock-capable ones with a boundary; null when none is capable.</summary>
    public static BedrockGovernance Governance(IReadOnlyList<IamPrincipal> principals)
    {
        var capable = principals.Count(p => p.BedrockCapable);
        var bounded = principals.Count(p => p.BedrockCapable && p.PermissionsBoundaryArn is not null);
        return new BedrockGovernance(capable, bounded, capable == 0 ? null : Math.Round((decimal)bounded / capable, 4));
    }

    /// <summary>The Bedrock grants of a set of policies (one principal's), each marked with the denial that voids it, if any.</summary>
    public static IReadOnlyList<BedrockGrant> Grants(IReadOnlyList<SourcedPolicy> policies) => Grants(policies, new StatementFacts());

    private static IReadOnlyList<BedrockGrant> Grants(IReadOnlyList<SourcedPolicy> policies, StatementFacts facts)
    {
        var denials = policies
            .SelectMany(p => p.Document.Statements.Where(s => facts.Of(s).VoidsBedrock).Select(s => (p.Source, Statement: s)))
            .ToList();
        var grants = new List<BedrockGrant>();
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Document.Statements)
            {
                if (facts.Of(statement) is { GrantsBedrock: true } fact)
                {
                    var deniedBy = DeniedBy(statement, denials);
                    grants.Add(new BedrockGrant(policy.Source, fact.Description!, statement.HasCondition, deniedBy));
                }
            }
        }

        return grants;
    }

    private static IamPrincipal Evaluate(
        string accountId, PrincipalKind kind, string name, string arn, string path,
        AttachedPermissionsBoundary? boundary, IReadOnlyList<SourcedPolicy> sources, StatementFacts facts)
    {
        var grants = Grants(sources, facts);
        return new IamPrincipal(
            accountId, kind, name, arn, path, boundary?.PermissionsBoundaryArn,
            grants.Any(g => g.DeniedBy is null),
            [.. grants.Select(g => g.ToString())]);
    }

    internal static StatementFacts.Facts FactsOf(PolicyStatement s)
    {
        var covers = CoversSomeBedrockAction(s);
        var grants = s.IsAllow && covers && ReachesBedrockResource(s);
        return new StatementFacts.Facts(grants, IsBlanketDeny(s) && covers, grants ? Describe(s) : null);
    }

    private static bool CoversSomeBedrockAction(PolicyStatement s) =>
        s.Action is { } actions
            ? new IamPatternSet([actions], ignoreCase: true).CanMatchAfter(0, ActionPrefix)
            : !new IamPatternSet([s.NotAction ?? []], ignoreCase: true).MatchesAllAfter(0, ActionPrefix);

    /// <summary>An Allow limited to, say, S3 ARNs grants no Bedrock action even with <c>Action: "*"</c>.</summary>
    private static bool ReachesBedrockResource(PolicyStatement s)
    {
        if (s.Resource is { } resources)
        {
            return resources.Any(r => r == "*") || new IamPatternSet([resources], ignoreCase: false).CanMatchAfter(0, BedrockArnPrefix);
        }

        return s.NotResource is not { } excluded || !new IamPatternSet([excluded], ignoreCase: false).MatchesAllAfter(0, BedrockArnPrefix);
    }

    /// <summary>Only an unconditional Deny on <c>Resource: "*"</c> is taken to void grants; narrower denials are left to the reader.</summary>
    private static bool IsBlanketDeny(PolicyStatement s) =>
        s.IsDeny && !s.HasCondition && s.NotResource is null && s.Resource is { } r && r.Any(x => x == "*");

    /// <summary>The denials that, together, leave no <c>bedrock:</c> action of the grant standing; null when some action survives.</summary>
    private static string? DeniedBy(PolicyStatement grant, IReadOnlyList<(string Source, PolicyStatement Statement)> denials)
    {
        if (denials.Count == 0)
        {
            return null;
        }

        var lists = new List<IReadOnlyList<string>> { grant.Action ?? grant.NotAction ?? [] };
        lists.AddRange(denials.Select(d => d.Statement.Action ?? d.Statement.NotAction ?? []));
        var set = new IamPatternSet(lists, ignoreCase: true);

        bool Covers(Func<int, bool> matched, int list, PolicyStatement s) => s.Action is not null ? matched(list) : !matched(list);

        var survives = set.Exists(ActionPrefix, matched =>
            Covers(matched, 0, grant) && !denials.Where((d, i) => Covers(matched, i + 1, d.Statement)).Any());
        return survives ? null : string.Join(", ", denials.Select(d => d.Source).Distinct(StringComparer.Ordinal));
    }

    private static string Describe(PolicyStatement s)
    {
        var what = s.Action is { } actions
            ? string.Join(", ", actions.Where(a => new IamPatternSet([[a]], ignoreCase: true).CanMatchAfter(0, ActionPrefix)))
            : $"NotAction [{string.Join(", ", s.NotAction ?? [])}]";
        var where = s.Resource switch
        {
            { } r when r.Count == 1 && r[0] == "*" => "",
            { } r => $" on {string.Join(", ", r)}",
            null => $" on NotResource [{string.Join(", ", s.NotResource ?? [])}]",
        };
        return what + where;
    }
}

/// <summary>
/// What a statement says about Bedrock, worked out once per statement: 5,000 roles mostly share a handful of managed
/// policies, whose statements would otherwise be pattern-matched again for every principal.
/// </summary>
internal sealed class StatementFacts
{
    private readonly Dictionary<PolicyStatement, Facts> _known = new(ReferenceEqualityComparer.Instance);

    public Facts Of(PolicyStatement statement)
    {
        if (!_known.TryGetValue(statement, out var facts))
        {
            facts = BedrockPermissionAnalyzer.FactsOf(statement);
            _known[statement] = facts;
        }

        return facts;
    }

    /// <param name="Description">Set when the statement grants Bedrock.</param>
    public sealed record Facts(bool GrantsBedrock, bool VoidsBedrock, string? Description);
}

/// <summary>A policy document with where it comes from, e.g. <c>inline:llm-access</c> or <c>group:ops/managed:AdminAccess</c>.</summary>
public sealed record SourcedPolicy(string Source, PolicyDocument Document);

/// <summary>One Allow statement that covers a Bedrock action.</summary>
/// <param name="What">The covering action patterns (or the NotAction list), and the resources when not <c>*</c>.</param>
/// <param name="DeniedBy">Sources of the blanket denials that void it; null when it stands.</param>
public sealed record BedrockGrant(string Source, string What, bool Conditional, string? DeniedBy)
{
    public override string ToString() =>
        $"{Source} allows {What}" + (Conditional ? " (with condition)" : "") + (DeniedBy is null ? "" : $" (denied by {DeniedBy})");
}
