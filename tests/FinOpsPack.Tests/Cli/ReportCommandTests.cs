using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.Report;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Report;

namespace FinOpsPack.Tests.Cli;

public sealed class ReportCommandTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), "finops-report-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Should_ParseEveryFlag_When_GivenAFullCommandLine()
    {
        ReportOptions? parsed = null;
        var root = new System.CommandLine.RootCommand { ReportCommand.Create(ConsoleStreams.ForTest(), (o, _) => { parsed = o; return Task.FromResult(0); }) };

        var code = await root.Parse(["report", "--in", "scan.json", "--out", "out", "--templates", "brand", "--redact", "--quiet"]).InvokeAsync();

        Assert.Equal(0, code);
        Assert.Equal(new ReportOptions("scan.json", "out", "brand", true, true), parsed);
    }

    [Fact]
    public async Task Should_Exit2_When_InOrOutIsMissing()
    {
        var io = ConsoleStreams.ForTest();

        var code = await Program.RunAsync(["report", "--in", "scan.json"], io, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--out", io.Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteTheThreeFilesAndPrintTheirPaths_When_GivenAScan()
    {
        var io = ConsoleStreams.ForTest();
        var output = TempDir();

        var code = await new ReportHandler(io, ReportFixture.Clock).RunAsync(new ReportOptions(ReportFixture.ScanPath, output, null, false, false), CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(
            [Path.Combine(output, "report.html"), Path.Combine(output, "findings.csv"), Path.Combine(output, "scan.json")],
            io.Out.ToString()!.Trim().Split('\n'));
        Assert.Equal(ReportFixture.Render(await ReportFixture.LoadAsync()), await File.ReadAllTextAsync(Path.Combine(output, "report.html")));
        Assert.Contains("Rendered 31 findings", io.Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit2InOneLine_When_TheScanFileIsMissingOrNotAScan()
    {
        var io = ConsoleStreams.ForTest();
        var notAScan = Path.Combine(Path.GetTempPath(), "not-a-scan-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(notAScan, "{\"hello\": 1}");

        var missing = await Program.RunAsync(["report", "--in", "/no/such/scan.json", "--out", TempDir()], io, CancellationToken.None);
        var garbage = await Program.RunAsync(["report", "--in", notAScan, "--out", TempDir()], io, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, missing);
        Assert.Equal(ExitCodes.Usage, garbage);
        var lines = io.Err.ToString()!.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("scan file not found", lines[0], StringComparison.Ordinal);
        Assert.Contains("is not a scan.json", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RefuseToOverwriteTheInput_When_RedactingIntoItsOwnDirectory()
    {
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        var scan = Path.Combine(dir, "scan.json");
        File.Copy(ReportFixture.ScanPath, scan);
        var io = ConsoleStreams.ForTest();

        var code = await new ReportHandler(io, ReportFixture.Clock).RunAsync(new ReportOptions(scan, dir, null, true, true), CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(await File.ReadAllTextAsync(ReportFixture.ScanPath), await File.ReadAllTextAsync(scan));
    }

    [Fact]
    public async Task Should_RedactEveryOutput_When_AskedTo()
    {
        var io = ConsoleStreams.ForTest();
        var output = TempDir();

        var code = await Program.RunAsync(["report", "--in", ReportFixture.ScanPath, "--out", output, "--redact", "--quiet"], io, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", io.Err.ToString());
        foreach (var file in new[] { "report.html", "findings.csv", "scan.json" })
        {
            Assert.DoesNotContain("123456789012", await File.ReadAllTextAsync(Path.Combine(output, file)), StringComparison.Ordinal);
        }
    }
}
