using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.CheckAccess;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Onboarding;

public sealed class CheckAccessCommandTests
{
    [Fact]
    public async Task Should_Parse_Every_Flag_When_Given_A_Full_Command_Line()
    {
        CheckAccessOptions? parsed = null;
        var root = new System.CommandLine.RootCommand
        {
            CheckAccessCommand.Create(ConsoleStreams.ForTest(), (o, _) => { parsed = o; return Task.FromResult(0); }),
        };

        var code = await root.Parse([
            "check-access", "--role-arn", "arn:aws:iam::123456789012:role/r", "--external-id", "abc123", "--endpoint-url", "http://127.0.0.1:1",
            "--profile", "p", "--region", "eu-west-1", "--include-billed",
        ]).InvokeAsync();

        Assert.Equal(0, code);
        Assert.Equal(new CheckAccessOptions("arn:aws:iam::123456789012:role/r", "abc123", "http://127.0.0.1:1", "p", "eu-west-1", true), parsed);
    }

    [Fact]
    public async Task Should_Show_The_Action_Denied_And_Exit_3_When_The_Sample_Account_Denies_It()
    {
        // Given the sample account refusing one action of the policy
        const string denied = "ec2:DescribeVolumes";
        await using var harness = await SampleAccountHarness.StartAsync(new FaultPlan { DeniedActions = new HashSet<string> { denied } });

        // When check-access runs against it, billed calls included
        var (code, output) = await CheckAsync(harness, includeBilled: true);

        // Then that action alone is denied, with what the report loses, and the exit code says the scan would be incomplete
        Assert.Equal(ExitCodes.Partial, code);
        var lines = ActionLines(output);
        Assert.StartsWith("DENIED", lines[denied], StringComparison.Ordinal);
        Assert.All(AccessChecker.WhatItRemoves(denied), loss => Assert.Contains("the report loses " + loss, output, StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.Key != denied), l => Assert.True(l.Value.StartsWith("permitted", StringComparison.Ordinal), l.Value));
        Assert.Equal(ReadOnlyPolicy.Current.AllowedPatterns.Order(StringComparer.Ordinal), lines.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_Exit_0_And_Call_Nothing_Billed_When_Every_Action_Is_Permitted()
    {
        await using var harness = await SampleAccountHarness.StartAsync();

        var (code, output) = await CheckAsync(harness, includeBilled: false);

        Assert.True(code == ExitCodes.Ok, output);
        Assert.DoesNotContain(harness.Server.ServedByAction.Keys, a => AccessProbeCatalog.Find(a)?.Billed == true);
        Assert.All(ActionLines(output).Where(l => AccessProbeCatalog.Find(l.Key)!.Billed),
            l => Assert.StartsWith("not checked", l.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Exit_4_Without_Printing_The_External_Id_When_The_Role_Cannot_Be_Assumed()
    {
        await using var harness = await SampleAccountHarness.StartAsync();
        const string wrongId = "not-the-external-id-of-this-review";
        var io = ConsoleStreams.ForTest();

        var code = await Handler(harness, io).RunAsync(Options(harness, wrongId, false), CancellationToken.None);

        Assert.Equal(ExitCodes.Access, code);
        Assert.DoesNotContain(wrongId, io.Out.ToString() + io.Err, StringComparison.Ordinal);
        Assert.Contains(FinOpsPack.Core.Aws.ExternalId.Parse(wrongId).Fingerprint, io.Err.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> CheckAsync(SampleAccountHarness harness, bool includeBilled)
    {
        var io = ConsoleStreams.ForTest();
        var code = await Handler(harness, io).RunAsync(Options(harness, harness.Server.Dataset.ExternalId, includeBilled), CancellationToken.None);
        Assert.DoesNotContain(harness.Server.Dataset.ExternalId, io.Out.ToString() + io.Err, StringComparison.Ordinal);
        return (code, io.Out.ToString()!);
    }

    private static CheckAccessHandler Handler(SampleAccountHarness harness, ConsoleStreams io) =>
        new(io, TimeProvider.System, r => r with { CallerCredentials = harness.CallerCredentials, Environment = _ => null, Transport = SampleAccountHarness.FastRetries });

    private static CheckAccessOptions Options(SampleAccountHarness harness, string externalId, bool includeBilled) =>
        new(harness.Server.Dataset.RoleArn, externalId, harness.Server.Endpoint.ToString(), null, "us-east-1", includeBilled);

    /// <summary>The first line printed for each action: "status  action  detail".</summary>
    private static Dictionary<string, string> ActionLines(string output) =>
        output.Split('\n')
            .Select(l => (Line: l, Words: l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Select(x => (x.Line, Action: x.Words.FirstOrDefault(w => w.Contains(':', StringComparison.Ordinal) && AccessProbeCatalog.Find(w) is not null)))
            .Where(x => x.Action is not null && !x.Line.StartsWith(' '))
            .GroupBy(x => x.Action!)
            .ToDictionary(g => g.Key, g => g.First().Line);
}
