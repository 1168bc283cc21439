using System.CommandLine;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Policy;

/// <summary><c>policy</c>: prints the exact IAM policy (or its boundary, or the whole CloudFormation template) of this build.</summary>
public static class PolicyCommand
{
    public const string Json = "json";
    public const string Yaml = "yaml";
    public const string CloudFormation = "cloudformation";

    public static Command Create(ConsoleStreams io)
    {
        var format = new Option<string>("--format")
        {
            Description = "json (IAM policy document), yaml (the same in YAML), or cloudformation (the whole role template)",
            DefaultValueFactory = _ => Json,
        };
        format.AcceptOnlyFromAmong(Json, Yaml, CloudFormation);
        var boundary = new Option<bool>("--boundary") { Description = "Print the permissions boundary (the ceiling with its explicit denies) instead" };
        var command = new Command("policy", "Print the exact read-only policy FinOps Pack needs, generated from the actions its collectors declare")
        {
            format, boundary,
        };
        command.SetAction((parse, _) => CliErrors.GuardAsync(io, async () =>
        {
            await io.Out.WriteAsync(Render(parse.GetValue(format)!, parse.GetValue(boundary))).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string Render(string format, bool boundary)
    {
        if (format == CloudFormation)
        {
            return CloudFormationTemplate.Current;
        }

        var document = boundary ? PermissionsBoundary.Current : ReadOnlyPolicy.Current;
        return format == Yaml ? CloudFormationTemplate.PolicyYaml(document) : document.ToJson();
    }
}
