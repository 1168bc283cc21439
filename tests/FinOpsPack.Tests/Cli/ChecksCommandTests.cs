using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.Checks;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Tests.Cli;

public sealed class ChecksCommandTests
{
    [Fact]
    public async Task Should_List_Every_Check_With_Its_Evidence_When_Run()
    {
        var io = ConsoleStreams.ForTest();

        var code = await Program.RunAsync(["checks"], io, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        var lines = io.Out.ToString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Equal(CheckCatalog.All.Count, lines.Length - 1);
        var gp3 = Assert.Single(lines, l => l.StartsWith("ebs_volume_gp2_to_gp3 ", StringComparison.Ordinal));
        Assert.Contains("Modernization", gp3, StringComparison.Ordinal);
        Assert.EndsWith("ebs.volumes", gp3.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("", io.Err.ToString());
    }

    [Fact]
    public async Task Should_Pass_The_Flags_When_Parsing()
    {
        ChecksOptions? parsed = null;
        var root = new System.CommandLine.RootCommand
        {
            ChecksCommand.Create(ConsoleStreams.ForTest(), (o, _) => { parsed = o; return Task.FromResult(0); }),
        };

        await root.Parse(["checks", "--settings", "s.json", "--details"]).InvokeAsync();

        Assert.Equal(new ChecksOptions("s.json", true), parsed);
    }

    [Fact]
    public async Task Should_Warn_About_Unknown_Keys_And_Show_Values_When_A_Settings_File_Is_Given()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"ebs_snapshot_orphaned.min_age_days": 180, "ebs_snapshot_orphaned.min_age": 1}""");
        try
        {
            var io = ConsoleStreams.ForTest();

            var code = await new ChecksHandler(io).RunAsync(new ChecksOptions(file, Details: true), CancellationToken.None);

            Assert.Equal(ExitCodes.Ok, code);
            Assert.Contains("setting ebs_snapshot_orphaned.min_age_days (int, default 90) (set in " + file + ")", io.Out.ToString(), StringComparison.Ordinal);
            Assert.Contains("unknown setting ebs_snapshot_orphaned.min_age ", io.Err.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Should_Exit_2_When_The_Settings_File_Is_Not_Json()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "min_age_days = 3");
        try
        {
            var io = ConsoleStreams.ForTest();

            var code = await new ChecksHandler(io).RunAsync(new ChecksOptions(file, false), CancellationToken.None);

            Assert.Equal(ExitCodes.Usage, code);
            Assert.StartsWith("error: " + file + ": not valid JSON", io.Err.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
