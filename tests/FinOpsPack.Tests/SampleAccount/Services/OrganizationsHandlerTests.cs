using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.Organizations;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

public sealed class OrganizationsHandlerTests
{
    [Fact]
    public async Task Should_Return_Every_Account_Over_Many_Pages_When_The_First_Page_Is_Empty()
    {
        // Given an organization of 14 accounts and pages of at most 3
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithManyAccounts(10));

        // When the accounts are listed through the client
        var accounts = await new OrganizationsClient(session.Transport, "us-east-1").ListAccountsAsync(CancellationToken.None).ToListAsync();

        // Then all arrive, over the empty first page and five pages of up to three
        Assert.Equal(session.Dataset.Organization!.Accounts.Select(a => a.Id).Order(), accounts.Select(a => a.Id).Order());
        Assert.Equal(6, session.Calls("organizations:ListAccounts"));
        Assert.Equal("SUSPENDED", accounts.Single(a => a.Id == SampleDataset.SandboxAccountId).State);
    }

    [Fact]
    public async Task Should_Deny_ListAccounts_To_A_Member_Account_But_Describe_Its_Organization()
    {
        // Given the scanned account as a member of an organization another account manages
        var dataset = SampleAccountSession.NewDataset();
        dataset.Organization = dataset.Organization! with { MasterAccountId = SampleDataset.ProdAccountId };
        await using var session = await SampleAccountSession.StartAsync(dataset);
        var client = new OrganizationsClient(session.Transport, "us-east-1");

        // When it describes the organization and lists its accounts
        var organization = await client.DescribeOrganizationAsync(CancellationToken.None);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => client.ListAccountsAsync(CancellationToken.None).ToListAsync().AsTask());

        // Then the first works and the second is AWS's AccessDenied
        Assert.Equal(SampleDataset.ProdAccountId, organization.MasterAccountId);
        Assert.Equal("AccessDeniedException", e.ErrorCode);
        Assert.True(e.IsAccessDenied);
    }

    [Fact]
    public async Task Should_Answer_NotInUse_When_The_Account_Has_No_Organization()
    {
        // Given no organization
        var dataset = SampleAccountSession.NewDataset();
        dataset.Organization = null;
        await using var session = await SampleAccountSession.StartAsync(dataset);

        // When it is described, Then Organizations' own error comes back with its HTTP status
        var e = await Assert.ThrowsAsync<AwsServiceException>(
            () => new OrganizationsClient(session.Transport, "us-east-1").DescribeOrganizationAsync(CancellationToken.None));
        Assert.Equal("AWSOrganizationsNotInUseException", e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
    }
}
