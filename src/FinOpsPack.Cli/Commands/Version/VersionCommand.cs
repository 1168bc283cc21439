using System.CommandLine;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Version;

public static class VersionCommand
{
    public static Command Create(ConsoleStreams io)
    {
        var command = new Command("version", "Print the tool version");
        command.SetAction(async (_, _) =>
        {
            await io.Out.WriteLineAsync("finops-pack " + ScanRunner.ToolVersion).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
