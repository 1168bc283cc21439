using System.CommandLine;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.ExternalIdNew;

/// <summary><c>external-id new</c>: a fresh random External ID for one review, to hand to the customer's stack.</summary>
public static class ExternalIdCommand
{
    public static Command Create(ConsoleStreams io)
    {
        var length = new Option<int>("--length") { Description = "Characters (at least 32)", DefaultValueFactory = _ => ExternalIdGenerator.DefaultLength };
        var create = new Command("new", "Generate a random External ID (cryptographic randomness, at least 32 characters)") { length };
        create.SetAction(async (parse, _) =>
        {
            var n = parse.GetValue(length);
            if (n is < 32 or > 1224)
            {
                await io.Err.WriteLineAsync("error: --length must be between 32 and 1224").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await io.Out.WriteLineAsync(ExternalIdGenerator.Generate(n)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return new Command("external-id", "Manage the per-review External ID") { create };
    }
}
