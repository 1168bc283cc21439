using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Organizations;

/// <summary>The organization collector against moto seeded with boto3; boto3's own reading of moto is the reference.</summary>
public sealed class OrganizationAccountsCollectorMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    /// <summary>An organization of the default account and 21 created accounts (22: two ListAccounts pages of 20).</summary>
    private const string SeedScript = """
        import boto3, json
        org = boto3.client("organizations")
        org.create_organization(FeatureSet="ALL")
        for i in range(21):
            org.create_account(AccountName=f"team-{i:02}", Email=f"team-{i:02}@example.com")
        accounts, kwargs = [], {}
        while True:
            page = org.list_accounts(**kwargs)
            accounts += page["Accounts"]
            if not page.get("NextToken"): break
            kwargs = {"NextToken": page["NextToken"]}
        print(json.dumps({"organization": org.describe_organization()["Organization"],
                          "accounts": [{"Id": a["Id"], "Name": a["Name"], "State": a.get("State") or a["Status"]} for a in accounts]}))
        """;

    [MotoFact]
    public async Task Should_List_Exactly_The_Seeded_Accounts_Over_Two_Pages_When_Scanning_The_Management_Account()
    {
        // Given moto with an organization of 22 accounts
        await MotoCollectorRun.ResetAsync(moto);
        var seeded = JsonDocument.Parse(moto.RunPython(SeedScript)).RootElement;

        // When the collector scans the management account
        var (inventory, outcomes, audit) = await MotoCollectorRun.RunAsync(moto, ["organizations.accounts"], ["us-east-1"]);

        // Then it reads the organization and every seeded account, in two pages of 20
        Assert.Equal(CollectorStatus.Ok, Assert.Single(outcomes).Status);
        var org = seeded.GetProperty("organization");
        Assert.Equal(new Organization(org.GetProperty("Id").GetString()!, org.GetProperty("MasterAccountId").GetString()!, "ALL"),
            inventory.Organization!.Organization);
        var expected = seeded.GetProperty("accounts").EnumerateArray()
            .Select(a => new AwsAccount(a.GetProperty("Id").GetString()!, a.GetProperty("Name").GetString()!, a.GetProperty("State").GetString()))
            .OrderBy(a => a.Id, StringComparer.Ordinal);
        Assert.Equal(expected, inventory.Organization.Accounts);
        Assert.Equal(22, inventory.Organization.Accounts.Count);
        Assert.Equal(2, audit.Records.Count(r => r.Action == "organizations:ListAccounts"));
    }

    [MotoFact]
    public async Task Should_Note_The_Organization_Without_Listing_When_Scanning_A_Member_Account()
    {
        // Given moto with an organization, and one member account
        await MotoCollectorRun.ResetAsync(moto);
        var member = JsonDocument.Parse(moto.RunPython("""
            import boto3, json
            org = boto3.client("organizations")
            org.create_organization(FeatureSet="ALL")
            print(json.dumps(org.create_account(AccountName="member", Email="m@example.com")["CreateAccountStatus"]["AccountId"]))
            """)).RootElement.GetString()!;

        // When the collector scans the member account
        var (inventory, outcomes, audit) = await MotoCollectorRun.RunAsync(moto, ["organizations.accounts"], ["us-east-1"], member);

        // Then it says whose member it is and never asks for the account list
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.Ok, outcome.Status);
        Assert.Equal(["member account of " + inventory.Organization!.Organization!.Id], outcome.Notes);
        Assert.Equal(MotoCollectorRun.DefaultAccount, inventory.Organization.Organization.MasterAccountId);
        Assert.DoesNotContain(audit.Records, r => r.Action == "organizations:ListAccounts");
    }

    [MotoFact]
    public async Task Should_Report_Not_In_An_Organization_When_Moto_Has_None()
    {
        // Given moto without an organization
        await MotoCollectorRun.ResetAsync(moto);

        // When the collector runs
        var (inventory, outcomes, _) = await MotoCollectorRun.RunAsync(moto, ["organizations.accounts"], ["us-east-1"]);

        // Then moto's AWSOrganizationsNotInUseException is read as "not in an organization"
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.Ok, outcome.Status);
        Assert.Equal(["not in an organization"], outcome.Notes);
        Assert.Null(inventory.Organization!.Organization);
    }
}
