namespace FinOpsPack.Core.Inventory;

public sealed record CallerIdentity(string AccountId, string Arn, string UserId);

/// <param name="Organization">Null when the account is not in an organization.</param>
/// <param name="Accounts">Member accounts; empty when ListAccounts is not permitted (member account) or there is no organization.</param>
public sealed record OrganizationInfo(Organization? Organization, IReadOnlyList<AwsAccount> Accounts);

public sealed record Organization(string Id, string MasterAccountId, string FeatureSet);

public sealed record AwsAccount(string Id, string Name, string? State);
