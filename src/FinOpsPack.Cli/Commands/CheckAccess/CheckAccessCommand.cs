using System.CommandLine;
using FinOpsPack.Cli.Commands.Scan;

namespace FinOpsPack.Cli.Commands.CheckAccess;

/// <summary>Parses <c>check-access</c>'s flags into <see cref="CheckAccessOptions"/>; the handler does the work.</summary>
public static class CheckAccessCommand
{
    public static Command Create(ConsoleStreams io, Func<CheckAccessOptions, CancellationToken, Task<int>>? run = null)
    {
        var roleArn = new Option<string>("--role-arn") { Description = "The customer's read-only role, arn:aws:iam::<account>:role/<name>", Required = true };
        var externalId = new Option<string?>("--external-id") { Description = $"The review's External ID (or set {ScanCommand.ExternalIdVariable})" };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "Send every API call to this endpoint (the sample account, LocalStack); AWS_ENDPOINT_URL[_<SERVICE>] also work" };
        var profile = new Option<string?>("--profile") { Description = "Named profile for the caller's own credentials (default: the SDK's default chain)" };
        var region = new Option<string>("--region") { Description = "Region for the regional calls (global services use their own)", DefaultValueFactory = _ => "us-east-1" };
        var includeBilled = new Option<bool>("--include-billed") { Description = "Also make the calls AWS charges for: Cost Explorer ($0.01 each) and CloudWatch GetMetricData" };
        var command = new Command("check-access", "Assume the role and make the cheapest call for each action of the policy: permitted or denied, and what a denial removes from the report")
        {
            roleArn, externalId, endpoint, profile, region, includeBilled,
        };
        run ??= (options, ct) => new CheckAccessHandler(io, TimeProvider.System).RunAsync(options, ct);
        command.SetAction((parse, ct) => run(
            new CheckAccessOptions(
                parse.GetValue(roleArn)!,
                parse.GetValue(externalId) ?? Environment.GetEnvironmentVariable(ScanCommand.ExternalIdVariable),
                parse.GetValue(endpoint),
                parse.GetValue(profile),
                parse.GetValue(region)!,
                parse.GetValue(includeBilled)),
            ct));
        return command;
    }
}
