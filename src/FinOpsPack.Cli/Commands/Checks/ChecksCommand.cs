using System.CommandLine;

namespace FinOpsPack.Cli.Commands.Checks;

/// <summary><c>checks</c>: the findings catalogue (id, category, severity, title, evidence), found by reflection.</summary>
public static class ChecksCommand
{
    public static Command Create(ConsoleStreams io, Func<ChecksOptions, CancellationToken, Task<int>>? run = null)
    {
        var settings = new Option<string?>("--settings") { Description = "Check-settings JSON file to validate; values shown with --details" };
        var details = new Option<bool>("--details") { Description = "Also show description, evidence, savings method, remediation and settings" };
        var command = new Command("checks", "List the checks FinOps Pack runs and the evidence each needs") { settings, details };
        command.SetAction((parse, ct) =>
        {
            var options = new ChecksOptions(parse.GetValue(settings), parse.GetValue(details));
            return (run ?? new ChecksHandler(io).RunAsync)(options, ct);
        });
        return command;
    }
}
