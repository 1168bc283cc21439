using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Fleet;

/// <summary>The sample organization (management + prod, dev, and legacy without the role) and org-scan helpers.</summary>
internal static class SampleOrganization
{
    public static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    public static async Task<SampleAccountHarness> StartAsync(DateTimeOffset? now = null)
    {
        var management = SampleDataset.Create(now ?? DateTimeOffset.UtcNow, SampleAccountHarness.TestExternalId);
        var members = SampleDataset.CreateMembers(management);
        return await SampleAccountHarness.StartAsync(options: new SampleAccountOptions
        {
            ExternalId = SampleAccountHarness.TestExternalId,
            Dataset = management,
            Members = members,
        });
    }

    public static ScanOptions OrgOptions(SampleAccountHarness harness, string output, string? shard = null, string? baseline = null, decimal? failOn = null) =>
        new(harness.Server.Dataset.RoleArn, SampleAccountHarness.TestExternalId, string.Join(',', Regions), Path.Combine(harness.OutputRoot, output),
            null, harness.Server.Endpoint.ToString(), 3600, 16, Quiet: true)
        {
            Fleet = FleetOptions.None with { Org = true, Shard = shard, Baseline = baseline, FailOnNewSavings = failOn },
        };

    public static ScanHandler Handler(SampleAccountHarness harness, ConsoleStreams io, Func<string, string?>? environment = null) =>
        new(io, TimeProvider.System, r => r with
        {
            CallerCredentials = harness.CallerCredentials,
            Environment = _ => null,
            Transport = SampleAccountHarness.FastRetries,
        }, environment);

    public static async Task<(int Code, ScanResult Result, ConsoleStreams Io)> ScanAsync(SampleAccountHarness harness, ScanOptions options)
    {
        var io = ConsoleStreams.ForTest();
        var code = await Handler(harness, io).RunAsync(options, CancellationToken.None);
        var path = Path.Combine(options.OutputDirectory, "scan.json");
        Assert.True(File.Exists(path), "no scan.json; stderr: " + io.Err);
        return (code, await ScanJson.ReadAsync(path, CancellationToken.None), io);
    }
}
