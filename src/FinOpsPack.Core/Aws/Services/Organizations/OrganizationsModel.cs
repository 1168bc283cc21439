using System.Text.Json.Serialization;

namespace FinOpsPack.Core.Aws.Services.Organizations;

public sealed record DescribeOrganizationResponse(OrganizationDescription? Organization);

/// <param name="FeatureSet">ALL | CONSOLIDATED_BILLING, kept as text.</param>
public sealed record OrganizationDescription(
    [property: JsonRequired] string Id, string? Arn, string? FeatureSet, string? MasterAccountArn, string? MasterAccountId);

public sealed record ListAccountsRequest(int MaxResults, string? NextToken);

public sealed record ListAccountsResponse(IReadOnlyList<OrganizationAccount>? Accounts, string? NextToken);

/// <param name="Status">Retired by AWS on 2026-09-09 in favour of <paramref name="State"/>; read only as a fallback.</param>
public sealed record OrganizationAccount(
    [property: JsonRequired] string Id, string? Arn, string? Name, string? Status, string? State, DateTimeOffset? JoinedTimestamp);
