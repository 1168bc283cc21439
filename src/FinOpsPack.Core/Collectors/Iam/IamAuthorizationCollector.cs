using FinOpsPack.Core.Aws.Services.Iam;

namespace FinOpsPack.Core.Collectors.Iam;

/// <summary>
/// Reads every page of GetAccountAuthorizationDetails (users, groups, roles, managed policies with their versions) and
/// records each role and user with its Bedrock grants and permissions boundary, plus the Bedrock governance KPI.
/// All pages are read before the analysis: a user's groups and a role's managed policies may arrive on other pages.
/// </summary>
public sealed class IamAuthorizationCollector : ICollector
{
    public string Name => "iam.authorization";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["iam:GetAccountAuthorizationDetails"];

    public string Provides => "IAM roles and users that can use Amazon Bedrock, their permissions boundaries, and the boundary-coverage KPI";

    /// <summary>MaxItems per page (IAM: 1–1000); tests lower it to exercise pagination.</summary>
    public int MaxItems { get; init; } = IamClient.MaxItemsLimit;

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new IamClient(context.Transport, context.Region);
        var users = new List<UserDetail>();
        var groups = new List<GroupDetail>();
        var roles = new List<RoleDetail>();
        var policies = new List<ManagedPolicyDetail>();
        await foreach (var page in client.GetAccountAuthorizationDetailsAsync(null, MaxItems, ct).ConfigureAwait(false))
        {
            users.AddRange(page.UserDetailList);
            groups.AddRange(page.GroupDetailList);
            roles.AddRange(page.RoleDetailList);
            policies.AddRange(page.Policies);
        }

        var analysis = BedrockPermissionAnalyzer.Analyze(context.AccountId, roles, users, groups, policies);
        context.Inventory.AddRange(analysis.Principals);
        context.Inventory.Set(analysis.Governance);
        if (analysis.UnresolvedPolicyArns.Count > 0)
        {
            context.Note("grants unknown for attached managed policies missing from the authorization details: "
                + string.Join(", ", analysis.UnresolvedPolicyArns));
        }

        if (analysis.UnknownGroups.Count > 0)
        {
            context.Note("groups named by users but missing from the authorization details: " + string.Join(", ", analysis.UnknownGroups));
        }
    }
}
