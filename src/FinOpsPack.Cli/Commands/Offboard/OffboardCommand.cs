using System.CommandLine;
using System.Text.RegularExpressions;
using FinOpsPack.Cli.Commands.Onboard;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Offboard;

/// <summary><c>offboard</c>: prints how the customer removes FinOps Pack's access (delete the stack, wait for it).</summary>
public static partial class OffboardCommand
{
    public static Command Create(ConsoleStreams io)
    {
        var stackName = new Option<string>("--stack-name") { Description = "CloudFormation stack name", DefaultValueFactory = _ => CloudFormationTemplate.DefaultStackName };
        var region = new Option<string?>("--region") { Description = "Region of the stack (add it if it is not your default region)" };
        var command = new Command("offboard", "Print the commands that remove FinOps Pack's role and boundary from the reviewed account")
        {
            stackName, region,
        };
        command.SetAction((parse, _) => CliErrors.GuardAsync(io, async () =>
        {
            await io.Out.WriteAsync(Instructions(parse.GetValue(stackName)!, parse.GetValue(region))).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string Instructions(string stackName, string? region)
    {
        if (!StackName().IsMatch(stackName))
        {
            throw new UserInputException($"--stack-name '{stackName}' must start with a letter and hold at most 128 letters, digits and hyphens");
        }

        var where = region is null ? "" : " --region " + OnboardInstructions.Shell(OnboardInstructions.SingleRegion(region));
        var stack = OnboardInstructions.Shell(stackName);
        return "# Remove FinOps Pack's access: deleting the stack deletes the role and its permissions boundary.\n" +
               $"aws cloudformation delete-stack --stack-name {stack}{where}\n" +
               $"aws cloudformation wait stack-delete-complete --stack-name {stack}{where}\n";
    }

    [GeneratedRegex("^[A-Za-z][-A-Za-z0-9]{0,127}$")]
    private static partial Regex StackName();
}
