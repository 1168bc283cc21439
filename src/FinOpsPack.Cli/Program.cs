using System.CommandLine;
using FinOpsPack.Cli.Commands.Bench;
using FinOpsPack.Cli.Commands.CheckAccess;
using FinOpsPack.Cli.Commands.Checks;
using FinOpsPack.Cli.Commands.Demo;
using FinOpsPack.Cli.Commands.Diff;
using FinOpsPack.Cli.Commands.ExternalIdNew;
using FinOpsPack.Cli.Commands.Merge;
using FinOpsPack.Cli.Commands.Offboard;
using FinOpsPack.Cli.Commands.Onboard;
using FinOpsPack.Cli.Commands.Policy;
using FinOpsPack.Cli.Commands.Report;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Cli.Commands.Version;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, ConsoleStreams.System(), CancellationToken.None);

    /// <summary>Parses and runs one command line; usage errors exit 2 with the parser's message.</summary>
    public static async Task<int> RunAsync(string[] args, ConsoleStreams io, CancellationToken ct)
    {
        var root = CreateRoot(io);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await io.Err.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await io.Err.WriteLineAsync("run 'finops-pack --help' for usage").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var config = new InvocationConfiguration { Output = io.Out, Error = io.Err, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(config, ct).ConfigureAwait(false);
    }

    public static RootCommand CreateRoot(ConsoleStreams io) => new("FinOps Pack: read-only AWS cost review with a static HTML savings report")
    {
        ScanCommand.Create(io),
        MergeCommand.Create(io),
        DiffCommand.Create(io),
        DemoCommand.Create(io),
        ReportCommand.Create(io),
        ChecksCommand.Create(io),
        BenchCommand.Create(io),
        ExternalIdCommand.Create(io),
        VersionCommand.Create(io),
        PolicyCommand.Create(io),
        OnboardCommand.Create(io),
        OffboardCommand.Create(io),
        CheckAccessCommand.Create(io),
    };
}
