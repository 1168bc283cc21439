using FinOpsPack.Cli;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Fleet;

public sealed class AccountsFileScanTests
{
    [Fact]
    public async Task Should_Scan_Each_Listed_Account_With_Its_Own_External_Id_When_There_Is_No_Management_Account()
    {
        // Given a fleet file naming prod and dev, with dev's variable holding the wrong External ID
        await using var harness = await SampleOrganization.StartAsync();
        var file = Path.Combine(harness.OutputRoot, "accounts.json");
        await File.WriteAllTextAsync(file, $$"""
            [
              { "accountId": "{{SampleDataset.ProdAccountId}}", "externalIdEnv": "PROD_EXTERNAL_ID", "regions": ["us-east-1"] },
              { "accountId": "{{SampleDataset.DevAccountId}}", "externalIdEnv": "DEV_EXTERNAL_ID", "regions": ["us-east-1"] }
            ]
            """);
        var env = new Dictionary<string, string> { ["PROD_EXTERNAL_ID"] = SampleAccountHarness.TestExternalId, ["DEV_EXTERNAL_ID"] = "not-the-dev-external-id" };
        var options = SampleOrganization.OrgOptions(harness, "fleet") with { RoleArn = "", ExternalId = null };
        options = options with { Fleet = options.Fleet with { Org = false, AccountsFile = file } };

        // When it is scanned
        var io = ConsoleStreams.ForTest();
        var code = await SampleOrganization.Handler(harness, io, env.GetValueOrDefault).RunAsync(options, CancellationToken.None);
        var result = await ScanJson.ReadAsync(Path.Combine(options.OutputDirectory, "scan.json"), CancellationToken.None);

        // Then prod is scanned with its own (standalone) spend collectors, dev is a gap, and the run exits 3
        Assert.Equal(ExitCodes.Partial, code);
        var accounts = result.Accounts!.ToDictionary(a => a.AccountId);
        Assert.Equal(2, accounts.Count);
        Assert.Equal(AccountScanStatus.NotAssumed, accounts[SampleDataset.DevAccountId].Status);
        Assert.DoesNotContain("not-the-dev-external-id", await File.ReadAllTextAsync(Path.Combine(options.OutputDirectory, "scan.json")), StringComparison.Ordinal);
        var prod = accounts[SampleDataset.ProdAccountId];
        Assert.False(prod.IsGap, string.Join("; ", prod.Collectors.Where(FleetMerger.IsMissing).Select(o => o.Describe())));
        Assert.Contains(prod.Collectors, o => o.Collector == "ce.spend" && o.Status == CollectorStatus.Ok);
        Assert.DoesNotContain(prod.Collectors, o => o.Status == CollectorStatus.Skipped);
        Assert.Equal(2, result.Inventory.Ec2Instances.Count(i => i.AccountId == SampleDataset.ProdAccountId));
    }
}
