using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.Organizations;

/// <summary>AWS Organizations (awsJson 1.1, global endpoint in us-east-1). Read-only: DescribeOrganization and ListAccounts.</summary>
public sealed class OrganizationsClient(IAwsTransport transport, string region)
{
    /// <summary>The model's maximum for ListAccounts.</summary>
    public const int ListAccountsPageSize = 20;

    /// <summary>Throws <see cref="AwsServiceException"/> with code <c>AWSOrganizationsNotInUseException</c> when there is no organization.</summary>
    public async Task<OrganizationDescription> DescribeOrganizationAsync(CancellationToken ct)
    {
        var request = AwsJson.Request(AwsService.Organizations, region, "DescribeOrganization", null);
        var response = await AwsJsonCall.SendAsync<DescribeOrganizationResponse>(transport, request, ct).ConfigureAwait(false);
        return response.Organization ?? throw AwsJsonCall.Missing(request, "Organization");
    }

    /// <summary>Every account of the organization. Only the management account (or a delegated administrator) may call it.</summary>
    public IAsyncEnumerable<OrganizationAccount> ListAccountsAsync(CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<ListAccountsResponse>(
                transport, AwsService.Organizations, region, "ListAccounts", new ListAccountsRequest(ListAccountsPageSize, token), c),
            page => page.NextToken,
            page => page.Accounts ?? [],
            ct);
}
