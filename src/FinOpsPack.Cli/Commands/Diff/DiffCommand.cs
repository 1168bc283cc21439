using System.CommandLine;
using System.Text.Json;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Fleet;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Diff;

/// <summary><c>diff OLD NEW</c>: findings new, resolved and changed between two scan.json files, with the savings delta.</summary>
public static class DiffCommand
{
    public static Command Create(ConsoleStreams io)
    {
        var older = new Argument<string>("old") { Description = "The earlier scan.json (or its directory)" };
        var newer = new Argument<string>("new") { Description = "The later scan.json (or its directory)" };
        var failOnNew = new Option<decimal?>("--fail-on-new-savings") { Description = $"Exit {NightlyDiff.NewSavingsExitCode} when new monthly savings above this amount appeared" };
        var json = new Option<bool>("--json") { Description = "Print the diff as JSON on stdout" };
        var command = new Command("diff", "Compare two scans: new, resolved and changed findings and the savings delta") { older, newer, failOnNew, json };
        command.SetAction((parse, ct) => RunAsync(io, parse.GetValue(older)!, parse.GetValue(newer)!, parse.GetValue(failOnNew), parse.GetValue(json), ct));
        return command;
    }

    public static Task<int> RunAsync(ConsoleStreams io, string older, string newer, decimal? failOnNewSavings, bool json, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var before = await ReadAsync(older, ct).ConfigureAwait(false);
            var after = await ReadAsync(newer, ct).ConfigureAwait(false);
            var diff = ScanDiffer.Compare(before, after);
            await NightlyDiff.WriteAsync(io, diff).ConfigureAwait(false);
            if (json)
            {
                await io.Out.WriteLineAsync(JsonSerializer.Serialize(diff, ScanJson.Options)).ConfigureAwait(false);
            }
            else
            {
                foreach (var d in diff.Findings)
                {
                    await io.Out.WriteLineAsync(
                        $"{d.Change,-8} {d.AccountId} {d.Region} {d.CheckId} {d.ResourceId} {d.SavingsDelta:+0.00;-0.00;0.00}/month").ConfigureAwait(false);
                }
            }

            return NightlyDiff.Gate(diff, failOnNewSavings, ExitCodes.Ok);
        });

    private static async Task<ScanResult> ReadAsync(string input, CancellationToken ct)
    {
        var path = Directory.Exists(input) ? Path.Combine(input, "scan.json") : input;
        if (!File.Exists(path))
        {
            throw new UserInputException($"no scan.json at {input}");
        }

        try
        {
            return await ScanJson.ReadAsync(path, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{path} is not a scan.json ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
