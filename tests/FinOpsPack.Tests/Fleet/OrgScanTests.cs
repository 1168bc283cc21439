using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Tests.Fleet;

public sealed class OrgScanTests
{
    [Fact]
    public async Task Should_Merge_Every_Member_And_Report_The_Gap_With_Exit_3_When_One_Member_Has_No_Role()
    {
        // Given the sample organization: management, prod, dev, legacy (no role) and a suspended sandbox
        await using var harness = await SampleOrganization.StartAsync();

        // When the organization is scanned from the management account
        var (code, result, io) = await SampleOrganization.ScanAsync(harness, SampleOrganization.OrgOptions(harness, "org"));

        // Then one document covers the four ACTIVE accounts, the legacy one as a gap, and the run exits 3
        Assert.Equal(ExitCodes.Partial, code);
        Assert.Equal(ExitCodes.Partial, result.Scan.ExitCode);

        // and the one audit trail names, for every collector's call, the account it was reading
        var audited = File.ReadLines(Path.Combine(harness.OutputRoot, "org", "audit.jsonl")).Skip(1)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("collector", out _))
            .Select(r => r.GetProperty("account").GetString())
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { SampleDataset.DefaultAccountId, SampleDataset.ProdAccountId, SampleDataset.DevAccountId }.Order(StringComparer.Ordinal), audited);
        var accounts = result.Accounts!.ToDictionary(a => a.AccountId);
        Assert.Equal(
            new[] { SampleDataset.DefaultAccountId, SampleDataset.ProdAccountId, SampleDataset.DevAccountId, SampleDataset.LegacyAccountId }.Order(StringComparer.Ordinal),
            result.Accounts!.Select(a => a.AccountId));
        Assert.DoesNotContain(SampleDataset.SandboxAccountId, accounts.Keys);
        var legacy = accounts[SampleDataset.LegacyAccountId];
        Assert.Equal(AccountScanStatus.NotAssumed, legacy.Status);
        Assert.Contains("AccessDenied", legacy.Reason, StringComparison.Ordinal);
        Assert.Equal("acme-legacy", legacy.Name);
        Assert.Contains("567890123456", io.Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("gap: role not assumed", io.Err.ToString(), StringComparison.Ordinal);
        foreach (var id in new[] { SampleDataset.DefaultAccountId, SampleDataset.ProdAccountId, SampleDataset.DevAccountId })
        {
            Assert.False(accounts[id].IsGap, $"{id}: {accounts[id].Status} {string.Join("; ", accounts[id].Collectors.Where(FleetMerger.IsMissing).Select(o => o.Describe()))}");
        }

        Assert.True(accounts[SampleDataset.DefaultAccountId].Management);

        // Each member's own inventory, under its own account id
        var instances = result.Inventory.Ec2Instances.GroupBy(i => i.AccountId).ToDictionary(g => g.Key, g => g.Select(i => i.InstanceId).Order().ToArray());
        Assert.Equal(["i-0a100000000000001", "i-0a100000000000003"], instances[SampleDataset.ProdAccountId]);
        Assert.Equal(["i-0a100000000000004", "i-0a100000000000006", "i-0a100000000000011"], instances[SampleDataset.DevAccountId]);
        Assert.Equal(15, instances[SampleDataset.DefaultAccountId].Length);
        Assert.DoesNotContain(SampleDataset.LegacyAccountId, instances.Keys);
        Assert.Equal(["reporting-replica-idle", "catalog-mysql"], result.Inventory.RdsInstances.Where(r => r.AccountId == SampleDataset.ProdAccountId).Select(r => r.DbInstanceIdentifier).OrderDescending());

        // Organization-wide sources: read in the management account only, skipped (not failed) for members
        Assert.NotNull(result.Inventory.Cost);
        Assert.NotEmpty(result.Inventory.CohRecommendations);
        Assert.All(result.Inventory.CohRecommendations, r => Assert.Equal(SampleDataset.DefaultAccountId, r.AccountId));
        foreach (var member in new[] { SampleDataset.ProdAccountId, SampleDataset.DevAccountId })
        {
            var orgWide = accounts[member].Collectors.Where(o => o.Collector.StartsWith("ce.", StringComparison.Ordinal) || o.Collector.StartsWith("coh.", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(orgWide);
            Assert.All(orgWide, o => Assert.Equal(CollectorStatus.Skipped, o.Status));
        }

        Assert.Contains(accounts[SampleDataset.DefaultAccountId].Collectors, o => o.Collector == "ce.spend" && o.Status == CollectorStatus.Ok);
        Assert.Equal(4, result.Inventory.Organization!.Accounts.Count(a => a.State == "ACTIVE"));

        // Findings are evaluated per account with the checks, and the report has the per-account breakdown with the gap
        Assert.Contains(result.Findings, f => f.AccountId == SampleDataset.ProdAccountId);
        Assert.Contains(result.Findings, f => f.AccountId == SampleDataset.DevAccountId);
        Assert.Equal(result.Findings.Count, result.Accounts!.Sum(a => a.Findings));
        Assert.Equal(result.Findings.Where(f => f.CountedInTotal).Sum(f => f.Savings.MonthlyAmount ?? 0m), result.Savings!.MonthlySavings);
        var html = await File.ReadAllTextAsync(Path.Combine(harness.OutputRoot, "org", "report.html"));
        Assert.Contains("id=\"accounts\"", html, StringComparison.Ordinal);
        Assert.Contains("gap: role not assumed", html, StringComparison.Ordinal);
        Assert.Contains("1 could not be scanned", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Call_Cost_Explorer_As_Often_As_A_Single_Account_Scan_When_Scanning_The_Organization()
    {
        // Given the sample organization
        await using var harness = await SampleOrganization.StartAsync();

        // When the management account alone is scanned, then the whole organization
        var single = harness.Request("single", regions: SampleOrganization.Regions);
        await harness.ScanAsync(single);
        var ceAlone = harness.Server.ServedByAction.Where(kv => kv.Key.StartsWith("ce:", StringComparison.Ordinal)).Sum(kv => kv.Value);
        var cohAlone = harness.Server.ServedByAction.Where(kv => kv.Key.StartsWith("cost-optimization-hub:", StringComparison.Ordinal)).Sum(kv => kv.Value);
        harness.Server.ResetCounters();
        var (_, result, _) = await SampleOrganization.ScanAsync(harness, SampleOrganization.OrgOptions(harness, "org"));

        // Then Cost Explorer and Cost Optimization Hub were paid for once, not per member
        Assert.True(ceAlone > 0);
        Assert.Equal(ceAlone, harness.Server.ServedByAction.Where(kv => kv.Key.StartsWith("ce:", StringComparison.Ordinal)).Sum(kv => kv.Value));
        Assert.Equal(cohAlone, harness.Server.ServedByAction.Where(kv => kv.Key.StartsWith("cost-optimization-hub:", StringComparison.Ordinal)).Sum(kv => kv.Value));
        Assert.Equal(ceAlone, result.Api.CostExplorerRequests);
    }

    [Fact]
    public void Should_Keep_Every_Account_In_Its_Shard_When_The_Account_List_Changes()
    {
        // Given a fleet's accounts, sliced three ways, and the same fleet reordered with accounts added
        var accounts = Enumerable.Range(0, 60).Select(i => (100000000000L + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var before = accounts.ToDictionary(a => a, a => Enumerable.Range(0, 3).Single(i => new Shard(i, 3).Owns(a)));
        var grown = accounts.AsEnumerable().Reverse().Concat(["999999999999", "888888888888"]).ToList();

        // Then each account stays in its slice, every slice gets some, and each account is in exactly one
        Assert.All(grown.Where(before.ContainsKey), a => Assert.True(new Shard(before[a], 3).Owns(a)));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains(i, before.Values));
        Assert.All(grown, a => Assert.Equal(1, Enumerable.Range(0, 3).Count(i => new Shard(i, 3).Owns(a))));
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("1")]
    [InlineData("-1/3")]
    [InlineData("a/b")]
    public void Should_Refuse_A_Shard_When_It_Is_Not_I_Of_N(string value) =>
        Assert.Throws<FinOpsPack.Core.Aws.UserInputException>(() => Shard.Parse(value));
}
