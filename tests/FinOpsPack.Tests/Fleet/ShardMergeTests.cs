using System.Text.Json;
using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.Merge;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Fleet;

public sealed class ShardMergeTests
{
    [Fact]
    public async Task Should_Give_The_Same_Findings_And_Totals_As_One_Run_When_Merging_The_Shards_Of_A_3_Way_Sharded_Run()
    {
        // Given the sample organization
        await using var harness = await SampleOrganization.StartAsync();

        // When it is scanned once whole, and once in three shards that are then merged
        var whole = await OrgScanAsync(harness, "whole", null);
        var shardDirs = new List<string>();
        var shardAccounts = new List<IReadOnlyList<string>>();
        for (var i = 0; i < 3; i++)
        {
            var part = await OrgScanAsync(harness, "shard-" + i, $"{i}/3");
            shardDirs.Add(Path.Combine(harness.OutputRoot, "shard-" + i));
            shardAccounts.Add([.. part.Accounts!.Select(a => a.AccountId)]);
        }

        var io = ConsoleStreams.ForTest();
        var code = await MergeCommand.RunAsync(io, shardDirs, Path.Combine(harness.OutputRoot, "merged"), null, null, CancellationToken.None);
        var merged = await ScanJson.ReadAsync(Path.Combine(harness.OutputRoot, "merged", "scan.json"), CancellationToken.None);

        // Then every account was in exactly one shard, the slices were not all in one, and the merged document equals the whole run
        Assert.Equal(whole.Accounts!.Select(a => a.AccountId).Order(), shardAccounts.SelectMany(a => a).Order());
        Assert.True(shardAccounts.Count(a => a.Count > 0) >= 2, "the hash put every account in one shard");
        Assert.Equal(whole.Scan.ExitCode, code);
        Assert.Equal(ExitCodes.Partial, code);
        Assert.NotEmpty(whole.Findings);
        Assert.Equal(Json(whole.Findings), Json(merged.Findings));
        Assert.Equal(Json(whole.Savings), Json(merged.Savings));
        Assert.Equal(
            Json(whole.Accounts!.Select(a => new { a.AccountId, a.Status, a.Management, a.Findings, a.MonthlySavings })),
            Json(merged.Accounts!.Select(a => new { a.AccountId, a.Status, a.Management, a.Findings, a.MonthlySavings })));
        Assert.Equal(Json(whole.Inventory with { Metrics = [] }), Json(merged.Inventory with { Metrics = [] }));
        Assert.Equal(whole.Inventory.Metrics.Count, merged.Inventory.Metrics.Count);

        // And the management account's organization-wide data is there once
        Assert.Single(merged.Accounts!, a => a.Management);
        Assert.Equal(Json(whole.Inventory.Cost), Json(merged.Inventory.Cost));
        Assert.Contains(merged.Collectors, o => o.Collector == "ce.spend" && o.Status == CollectorStatus.Ok);
    }

    [Fact]
    public async Task Should_Refuse_With_Exit_2_When_Merging_A_Single_Account_Scan()
    {
        await using var harness = await SampleAccountHarness.StartAsync();
        var request = harness.Request("single", regions: ["us-east-1"]);
        await harness.ScanAsync(request);
        var io = ConsoleStreams.ForTest();
        var code = await MergeCommand.RunAsync(io, [request.OutputDirectory], Path.Combine(harness.OutputRoot, "m"), null, null, CancellationToken.None);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("single-account", io.Err.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<ScanResult> OrgScanAsync(SampleAccountHarness harness, string name, string? shard)
    {
        var options = SampleOrganization.OrgOptions(harness, name, shard);
        var request = ScanHandler.ToFleetRequest(options, _ => null);
        request = request with
        {
            Template = request.Template with
            {
                CallerCredentials = harness.CallerCredentials,
                Environment = _ => null,
                Transport = SampleAccountHarness.FastRetries,
            },
        };
        var runner = new FleetScanRunner(TimeProvider.System) { Evaluate = UnattachedVolumeEvaluator.EvaluateAsync };
        var result = await runner.RunAsync(request, IScanProgress.None, CancellationToken.None);
        await ScanComposition.WriteReportAsync(TimeProvider.System, result, options.OutputDirectory, new FinOpsPack.Core.Report.ReportOptions(), CancellationToken.None);
        return await ScanJson.ReadAsync(Path.Combine(options.OutputDirectory, "scan.json"), CancellationToken.None);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ScanJson.Options);
}
