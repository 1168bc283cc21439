using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.Organizations;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Organizations;

/// <summary>
/// The account's organization and, from the management account, the names of its accounts. "Not in an organization"
/// and "member account" are normal outcomes: ListAccounts is only called where AWS allows it, so a member account's
/// AccessDenied is never provoked.
/// </summary>
public sealed class OrganizationAccountsCollector : ICollector
{
    public string Name => "organizations.accounts";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["organizations:DescribeOrganization", "organizations:ListAccounts"];

    public string Provides => "whether the account is a management or member account, and account names in the report";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new OrganizationsClient(context.Transport, context.Region);
        OrganizationDescription description;
        try
        {
            description = await client.DescribeOrganizationAsync(ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "AWSOrganizationsNotInUseException")
        {
            context.Note("not in an organization");
            context.Inventory.Set(new OrganizationInfo(null, []));
            return;
        }

        var organization = new Organization(description.Id, description.MasterAccountId ?? "", description.FeatureSet ?? "");
        if (description.MasterAccountId != context.AccountId)
        {
            context.Note($"member account of {description.Id}");
            context.Inventory.Set(new OrganizationInfo(organization, []));
            return;
        }

        var accounts = new List<AwsAccount>();
        await foreach (var account in client.ListAccountsAsync(ct).ConfigureAwait(false))
        {
            accounts.Add(new AwsAccount(account.Id, account.Name ?? "", account.State ?? account.Status));
        }

        context.Inventory.Set(new OrganizationInfo(organization, [.. accounts.OrderBy(a => a.Id, StringComparer.Ordinal)]));
    }
}
