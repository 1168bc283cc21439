using System.CommandLine;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>Parses <c>bench</c>'s flags into <see cref="BenchOptions"/>; the handler does the work.</summary>
public static class BenchCommand
{
    public static Command Create(ConsoleStreams io, Func<BenchOptions, CancellationToken, Task<int>>? run = null)
    {
        var size = new Option<string>("--size") { Description = "large (17 regions, >100,000 resources) or small (a CI smoke run of seconds)", DefaultValueFactory = _ => "large" };
        var output = new Option<string>("--out") { Description = "Where both scans write their output", DefaultValueFactory = _ => "finops-pack-bench" };
        var record = new Option<string?>("--record") { Description = "Append the result table to this markdown file (e.g. docs/benchmarks.md)" };
        var findings = new Option<int?>("--findings") { Description = "Findings to render in the report measure (default 50,000 large, 500 small)" };
        var serve = new Option<bool>("--serve") { Description = "Only serve the scale account and print how to scan it (to profile a scan by hand), until Ctrl-C" };
        var port = new Option<int>("--port") { Description = "Port for --serve (default: a free one)" };
        var command = new Command("bench", "Scan a generated sample account at scale, default and sequential, and compare with the critical path")
        {
            size, output, record, findings, serve, port,
        };
        run ??= (options, ct) => new BenchHandler(io, TimeProvider.System).RunAsync(options, ct);
        command.SetAction((parse, ct) => run(
            new BenchOptions(parse.GetValue(size)!, parse.GetValue(output)!, parse.GetValue(record), parse.GetValue(findings), parse.GetValue(serve), parse.GetValue(port)), ct));
        return command;
    }
}
