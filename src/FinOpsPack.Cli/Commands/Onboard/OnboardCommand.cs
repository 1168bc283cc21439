using System.CommandLine;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Onboard;

/// <summary><c>onboard</c>: prints how the customer creates the read-only role. It never deploys anything.</summary>
public static class OnboardCommand
{
    public static Command Create(ConsoleStreams io)
    {
        var externalId = new Option<string?>("--external-id") { Description = $"The review's External ID (from 'finops-pack external-id new'; or set {ScanCommand.ExternalIdVariable})" };
        var principal = new Option<string>("--trusted-principal") { Description = "The AWS account id or role ARN that runs FinOps Pack", Required = true };
        var roleName = new Option<string>("--role-name") { Description = "Name of the role to create", DefaultValueFactory = _ => CloudFormationTemplate.DefaultRoleName };
        var stackName = new Option<string>("--stack-name") { Description = "CloudFormation stack name", DefaultValueFactory = _ => CloudFormationTemplate.DefaultStackName };
        var region = new Option<string>("--region") { Description = "Region of the stack (the role itself is global)", DefaultValueFactory = _ => "us-east-1" };
        var templateFile = new Option<string>("--template-file") { Description = "File name the printed commands save the template to", DefaultValueFactory = _ => "finops-pack-readonly.yaml" };
        var templateUrl = new Option<string?>("--template-url") { Description = "https URL of the template in Amazon S3, for the console quick-create link" };
        var maxSession = new Option<int?>("--max-session-duration") { Description = "The role's maximum session in seconds (3600–43200; template default 3600)" };
        var command = new Command("onboard", "Print the commands that create FinOps Pack's read-only role in the account to review (never deploys anything)")
        {
            externalId, principal, roleName, stackName, region, templateFile, templateUrl, maxSession,
        };
        command.SetAction((parse, _) => CliErrors.GuardAsync(io, async () =>
        {
            var options = new OnboardOptions(
                parse.GetValue(externalId) ?? Environment.GetEnvironmentVariable(ScanCommand.ExternalIdVariable),
                parse.GetValue(principal)!,
                parse.GetValue(roleName)!,
                parse.GetValue(stackName)!,
                parse.GetValue(region)!,
                parse.GetValue(templateFile)!,
                parse.GetValue(templateUrl),
                parse.GetValue(maxSession));
            await io.Out.WriteAsync(OnboardInstructions.Build(options)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
