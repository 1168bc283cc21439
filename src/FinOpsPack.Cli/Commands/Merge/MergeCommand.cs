using System.CommandLine;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Merge;

/// <summary><c>merge DIR… --out DIR</c>: joins the shards of an organization-wide scan into one scan.json.</summary>
public static class MergeCommand
{
    public static Command Create(ConsoleStreams io)
    {
        var inputs = new Argument<string[]>("directories") { Description = "Output directories (or scan.json files) of the shards", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Output directory of the merged scan", DefaultValueFactory = _ => "finops-pack-report" };
        var baseline = new Option<string?>("--baseline") { Description = "The previous run's scan.json: mark findings new, resolved and changed" };
        var failOnNew = new Option<decimal?>("--fail-on-new-savings") { Description = $"Exit {NightlyDiff.NewSavingsExitCode} when new monthly savings above this amount appeared since --baseline" };
        var command = new Command("merge", "Join shard results (scan --shard i/n) into one scan.json") { inputs, output, baseline, failOnNew };
        command.SetAction((parse, ct) => RunAsync(io, parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(baseline), parse.GetValue(failOnNew), ct));
        return command;
    }

    public static Task<int> RunAsync(ConsoleStreams io, IReadOnlyList<string> inputs, string output, string? baselinePath, decimal? failOnNewSavings, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var baseline = await NightlyDiff.LoadBaselineAsync(baselinePath, ct).ConfigureAwait(false);
            var parts = new List<ScanResult>();
            foreach (var input in inputs)
            {
                var path = Directory.Exists(input) ? Path.Combine(input, "scan.json") : input;
                if (!File.Exists(path))
                {
                    throw new UserInputException($"no scan.json at {input}");
                }

                var part = await ScanJson.ReadAsync(path, ct).ConfigureAwait(false);
                parts.Add(part.Accounts is null
                    ? throw new UserInputException($"{path} is a single-account scan; merge joins scan --org / --accounts shards")
                    : part);
            }

            var merged = FleetMerger.Merge(parts);
            var outputDirectory = Path.GetFullPath(output);
            var files = await ScanComposition.WriteReportAsync(TimeProvider.System, merged, outputDirectory, new ReportOptions(), ct).ConfigureAwait(false);
            await FleetExecution.WriteBreakdownAsync(io, merged).ConfigureAwait(false);
            await io.Out.WriteLineAsync(files.Html).ConfigureAwait(false);
            return baseline is null
                ? merged.Scan.ExitCode
                : await NightlyDiff.ApplyAsync(io, TimeProvider.System, baseline, outputDirectory, new ReportOptions(), failOnNewSavings, merged.Scan.ExitCode, ct).ConfigureAwait(false);
        });
}
