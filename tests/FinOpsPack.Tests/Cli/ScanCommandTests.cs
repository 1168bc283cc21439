using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Cli;

public sealed class ScanCommandTests
{
    [Fact]
    public async Task Should_Parse_Every_Flag_When_Given_A_Full_Command_Line()
    {
        // Given a command line with every flag
        ScanOptions? parsed = null;
        var io = ConsoleStreams.ForTest();
        var root = new System.CommandLine.RootCommand { ScanCommand.Create(io, (o, _) => { parsed = o; return Task.FromResult(0); }) };

        // When it is parsed and invoked
        var code = await root.Parse([
            "scan", "--role-arn", "arn:aws:iam::123456789012:role/r", "--external-id", "abc123", "--regions", "us-east-1,eu-west-1",
            "--out", "o", "--profile", "p", "--endpoint-url", "http://127.0.0.1:1", "--session-duration", "7200", "--max-concurrency", "4", "--quiet", "--settings", "s.json", "--templates", "t", "--redact",
        ]).InvokeAsync();

        // Then the handler sees exactly those values
        Assert.Equal(0, code);
        Assert.Equal(new ScanOptions("arn:aws:iam::123456789012:role/r", "abc123", "us-east-1,eu-west-1", "o", "p", "http://127.0.0.1:1", 7200, 4, true, "s.json", "t", true), parsed);
    }

    [Theory]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/r", "GovCloud")]
    [InlineData("arn:aws:iam::123:role/r", "not an IAM role ARN")]
    public async Task Should_Exit_2_With_One_Line_When_The_Role_Arn_Is_Refused(string arn, string reason)
    {
        var io = ConsoleStreams.ForTest();
        var code = await Program.RunAsync(["scan", "--role-arn", arn, "--external-id", "abcdef"], io, CancellationToken.None);
        Assert.Equal(ExitCodes.Usage, code);
        var err = io.Err.ToString()!.Trim();
        Assert.Contains(reason, err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n'));
    }

    [Fact]
    public async Task Should_Exit_4_In_One_Line_With_The_Fingerprint_Only_When_The_External_Id_Is_Wrong()
    {
        // Given the sample account and a scan with the wrong External ID
        await using var harness = await SampleAccountHarness.StartAsync();
        var io = ConsoleStreams.ForTest();
        const string wrongId = "wrong-external-id-for-this-review";
        var handler = new ScanHandler(io, TimeProvider.System, r => r with { CallerCredentials = harness.CallerCredentials, Environment = _ => null });
        var options = new ScanOptions(harness.Server.Dataset.RoleArn, wrongId, null, Path.Combine(harness.OutputRoot, "wrong"), null,
            harness.Server.Endpoint.ToString(), 3600, 8, Quiet: true);

        // When it runs
        var code = await handler.RunAsync(options, CancellationToken.None);

        // Then exit 4, one line, the fingerprint and never the ID
        Assert.Equal(ExitCodes.Access, code);
        var err = io.Err.ToString()!.Trim();
        Assert.Single(err.Split('\n'));
        Assert.Contains(FinOpsPack.Core.Aws.ExternalId.Parse(wrongId).Fingerprint, err, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongId, err + io.Out, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(options.OutputDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(wrongId, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_Leave_The_External_Id_Out_Of_Every_Output_When_A_Scan_Succeeds()
    {
        // Given a full scan of the sample account
        await using var harness = await SampleAccountHarness.StartAsync();
        var io = ConsoleStreams.ForTest();
        var request = harness.Request("clean");

        // When it runs with progress on
        var code = await new ScanExecution(io, TimeProvider.System).RunAsync(request, ScanOutputOptions.Default(quiet: false), CancellationToken.None);

        // Then nothing it wrote or printed holds the External ID
        Assert.InRange(code, 0, 3);
        var files = Directory.EnumerateFiles(request.OutputDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("audit.jsonl", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.DoesNotContain(request.ExternalId.Value, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(request.ExternalId.Value, io.Out.ToString() + io.Err, StringComparison.Ordinal);
    }
}
