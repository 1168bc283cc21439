using System.CommandLine;

namespace FinOpsPack.Cli.Commands.Report;

/// <summary>Parses <c>report</c>'s flags into <see cref="ReportOptions"/>; the handler does the work.</summary>
public static class ReportCommand
{
    public static Command Create(ConsoleStreams io, Func<ReportOptions, CancellationToken, Task<int>>? run = null)
    {
        var input = new Option<string>("--in") { Description = "The scan.json to render", Required = true };
        var output = new Option<string>("--out") { Description = "Output directory for report.html, findings.csv and scan.json", Required = true };
        var templates = new Option<string?>("--templates") { Description = "A customised copy of templates/report (files it lacks fall back to the built-in ones)" };
        var redact = new Option<bool>("--redact") { Description = "Replace account IDs, ARNs, resource IDs and names with pseudonyms in every output" };
        var quiet = new Option<bool>("--quiet") { Description = "No status output" };
        var command = new Command("report", "Render the HTML savings report, findings.csv and scan.json from a scan.json")
        {
            input, output, templates, redact, quiet,
        };
        run ??= (options, ct) => new ReportHandler(io, TimeProvider.System).RunAsync(options, ct);
        command.SetAction((parse, ct) => run(
            new ReportOptions(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(templates), parse.GetValue(redact), parse.GetValue(quiet)),
            ct));
        return command;
    }
}
