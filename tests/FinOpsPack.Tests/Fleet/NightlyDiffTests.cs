using System.Text.Json;
using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.Diff;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Tests.Fleet;

public sealed class NightlyDiffTests
{
    [Fact]
    public async Task Should_Count_New_Resolved_And_Changed_Findings_With_The_Savings_Delta_When_The_Dataset_Changes_Between_Runs()
    {
        // Given a first nightly run of the sample organization (unattached volumes: management 500, 100 and 50 GiB; prod 500 GiB)
        await using var harness = await SampleOrganization.StartAsync();
        var first = await ShardMergeTests.OrgScanAsync(harness, "night-1", null);
        Assert.Equal(4, first.Findings.Count);

        // When, before the next run, one volume is deleted, two grow (one past the size that changes the action) and a member gets a new one
        var accounts = harness.Server.Accounts;
        var management = accounts[SampleDataset.DefaultAccountId].EbsVolumes;
        management.RemoveAll(v => v.VolumeId == "vol-0a100000000000016");
        Grow(management, "vol-0e100000000000004", 150);
        Grow(accounts[SampleDataset.ProdAccountId].EbsVolumes, "vol-0a100000000000015", 800);
        var template = management.Single(v => v.VolumeId == "vol-0a100000000000015");
        accounts[SampleDataset.DevAccountId].EbsVolumes.Add(template with { AccountId = SampleDataset.DevAccountId, VolumeId = "vol-0d000000000000001", SizeGiB = 200 });
        var second = await ShardMergeTests.OrgScanAsync(harness, "night-2", null);

        // Then: 1 new (+20), 1 resolved (-10), 2 changed (+30 savings; +10 savings and a new action), 1 unchanged
        var diff = ScanDiffer.Compare(first, second);
        Assert.Equal((1, 1, 2, 1, 0), (diff.New, diff.Resolved, diff.Changed, diff.Unchanged, diff.NotRescanned));
        Assert.Equal(60.0m, diff.NewMonthlySavings);
        Assert.Equal(10.0m, diff.ResolvedMonthlySavings);
        Assert.Equal(50.0m, diff.MonthlySavingsDelta);
        Assert.Equal(second.Savings!.MonthlySavings - first.Savings!.MonthlySavings, diff.MonthlySavingsDelta);
        var created = Assert.Single(diff.Findings, d => d.Change == FindingChange.New);
        Assert.Equal(("vol-0d000000000000001", SampleDataset.DevAccountId, 20.0m), (created.ResourceId, created.AccountId, created.SavingsDelta));
        var resolved = Assert.Single(diff.Findings, d => d.Change == FindingChange.Resolved);
        Assert.Equal(("vol-0a100000000000016", -10.0m), (resolved.ResourceId, resolved.SavingsDelta));
        var actionChanged = Assert.Single(diff.Findings, d => d.ResourceId == "vol-0e100000000000004");
        Assert.Equal(("Delete", "Snapshot and delete", 10.0m), (actionChanged.PreviousAction, actionChanged.Action, actionChanged.SavingsDelta));

        // And the diff command gates CI on new waste above the threshold (exit 5), not at it
        var io = ConsoleStreams.ForTest();
        Assert.Equal(ExitCodes.NewSavings, await DiffCommand.RunAsync(io, Dir(harness, "night-1"), Dir(harness, "night-2"), 59m, json: true, CancellationToken.None));
        Assert.Equal(3, JsonDocument.Parse(io.Out.ToString()!).RootElement.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("change").GetString() != "Resolved"));
        Assert.Equal(ExitCodes.Ok, await DiffCommand.RunAsync(ConsoleStreams.ForTest(), Dir(harness, "night-1"), Dir(harness, "night-2"), 60m, json: false, CancellationToken.None));

        // And --baseline writes the "since the last run" section into scan.json, keeping the run's own exit code under the threshold
        var code = await NightlyDiff.ApplyAsync(ConsoleStreams.ForTest(), TimeProvider.System, first, Dir(harness, "night-2"), new FinOpsPack.Core.Report.ReportOptions(), 60m, second.Scan.ExitCode, CancellationToken.None);
        Assert.Equal(ExitCodes.Partial, code);
        var written = await ScanJson.ReadAsync(Path.Combine(Dir(harness, "night-2"), "scan.json"), CancellationToken.None);
        Assert.Equal((1, 1, 2, 50.0m), (written.SinceLastRun!.New, written.SinceLastRun.Resolved, written.SinceLastRun.Changed, written.SinceLastRun.MonthlySavingsDelta));
        Assert.Equal(first.Scan.ReviewId, written.SinceLastRun.BaselineReviewId);
        var html = await File.ReadAllTextAsync(Path.Combine(Dir(harness, "night-2"), "report.html"));
        Assert.Contains("Since the last run", html, StringComparison.Ordinal);
        Assert.Contains("1 new, 1 resolved, 2 changed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Call_Findings_Resolved_When_Their_Account_Could_Not_Be_Scanned_This_Time()
    {
        // Given a baseline with a finding in an account that this run could not assume
        var finding = new FinOpsPack.Core.Rules.Finding("f1", "c", "t", FinOpsPack.Core.Rules.CheckCategory.Waste, FinOpsPack.Core.Rules.Severity.Low,
            "ec2", "AWS::EC2::Volume", "vol-1", null, null, "111111111111", "us-east-1", "Delete", "s",
            new FinOpsPack.Core.Rules.SavingsEstimate(5m, "USD", FinOpsPack.Core.Rules.SavingsSource.PriceTable, "b"), new Dictionary<string, string>());
        var baseline = Scan([finding], []);
        var current = Scan([], [new AccountScan("111111111111", null, "arn:aws:iam::111111111111:role/r", false, AccountScanStatus.NotAssumed, "AccessDenied", [], [], 0, null, 0)]);

        // When they are compared
        var diff = ScanDiffer.Compare(baseline, current);

        // Then it is neither resolved nor a negative delta
        Assert.Equal((0, 0, 1, 0m), (diff.Resolved, diff.New, diff.NotRescanned, diff.MonthlySavingsDelta));
    }

    private static ScanResult Scan(IReadOnlyList<FinOpsPack.Core.Rules.Finding> findings, IReadOnlyList<AccountScan> accounts) => new()
    {
        Scan = new ScanMetadata("1", "r", null, "arn", null, "s", "fp", "123456789012", [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, 0),
        Inventory = new FinOpsPack.Core.Inventory.AccountInventory(),
        Collectors = [],
        Api = new ApiUsage(0, 0, 0, 0, 0, new Dictionary<string, int>(), 0, 0m, 0),
        Findings = findings,
        Accounts = accounts,
    };

    private static void Grow(List<FinOpsPack.Core.Inventory.EbsVolume> volumes, string id, int sizeGiB)
    {
        var i = volumes.FindIndex(v => v.VolumeId == id);
        volumes[i] = volumes[i] with { SizeGiB = sizeGiB };
    }

    private static string Dir(Testing.SampleAccountHarness harness, string name) => Path.Combine(harness.OutputRoot, name);
}
