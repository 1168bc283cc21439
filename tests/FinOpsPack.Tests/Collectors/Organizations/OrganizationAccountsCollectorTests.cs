using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Organizations;

public sealed class OrganizationAccountsCollectorTests
{
    [Fact]
    public async Task Should_List_The_Organization_Accounts_When_Scanning_The_Management_Account()
    {
        // Given the sample account, which manages an organization of four accounts
        await using var session = await SampleAccountSession.StartAsync();

        // When the collector runs
        var (inventory, outcomes) = await session.RunAsync(["organizations.accounts"]);

        // Then it is ok, and the organization and every account (with its state) are in the inventory
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.Ok, outcome.Status);
        Assert.Empty(outcome.Notes);
        var org = session.Dataset.Organization!;
        Assert.Equal(new Organization(org.Id, session.Dataset.AccountId, "ALL"), inventory.Organization!.Organization);
        Assert.Equal(org.Accounts.Select(a => new AwsAccount(a.Id, a.Name, a.State)).OrderBy(a => a.Id, StringComparer.Ordinal), inventory.Organization.Accounts);
    }

    [Fact]
    public async Task Should_Note_The_Organization_And_Not_Call_ListAccounts_When_Scanning_A_Member_Account()
    {
        // Given the scanned account as a member of an organization managed elsewhere
        var dataset = SampleAccountSession.NewDataset();
        dataset.Organization = dataset.Organization! with { MasterAccountId = SampleDataset.ProdAccountId };
        await using var session = await SampleAccountSession.StartAsync(dataset);

        // When the collector runs
        var (inventory, outcomes) = await session.RunAsync(["organizations.accounts"]);

        // Then it is ok with a note, and the AccessDenied of ListAccounts was never provoked
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.Ok, outcome.Status);
        Assert.Equal(["member account of o-a1b2c3d4e5"], outcome.Notes);
        Assert.Equal(SampleDataset.ProdAccountId, inventory.Organization!.Organization!.MasterAccountId);
        Assert.Empty(inventory.Organization.Accounts);
        Assert.Equal(0, session.Calls("organizations:ListAccounts"));
    }

    [Fact]
    public async Task Should_Report_Ok_With_A_Note_When_The_Account_Is_Not_In_An_Organization()
    {
        // Given an account without organization
        var dataset = SampleAccountSession.NewDataset();
        dataset.Organization = null;
        await using var session = await SampleAccountSession.StartAsync(dataset);

        // When the collector runs
        var (inventory, outcomes) = await session.RunAsync(["organizations.accounts"]);

        // Then "not in an organization" is a normal outcome, shown as such
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.Ok, outcome.Status);
        Assert.Equal(["not in an organization"], outcome.Notes);
        Assert.Null(inventory.Organization!.Organization);
        Assert.Empty(inventory.Organization.Accounts);
    }
}
