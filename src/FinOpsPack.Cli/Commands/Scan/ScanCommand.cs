using System.CommandLine;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>Parses <c>scan</c>'s flags into <see cref="ScanOptions"/>; the handler does the work.</summary>
public static class ScanCommand
{
    public const string ExternalIdVariable = "FINOPS_PACK_EXTERNAL_ID";

    public static Command Create(ConsoleStreams io, Func<ScanOptions, CancellationToken, Task<int>>? run = null)
    {
        var roleArn = new Option<string>("--role-arn") { Description = "The customer's read-only role, arn:aws:iam::<account>:role/<name>; with --org the management account's" };
        var externalId = new Option<string?>("--external-id") { Description = $"The review's External ID (or set {ExternalIdVariable} to keep it out of shell history)" };
        var regions = new Option<string?>("--regions") { Description = "Comma-separated regions (default: the account's enabled regions)" };
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "finops-pack-report" };
        var profile = new Option<string?>("--profile") { Description = "Named profile for the caller's own credentials (default: the SDK's default chain)" };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "Send every API call to this endpoint (LocalStack, moto, the sample account); AWS_ENDPOINT_URL[_<SERVICE>] also work" };
        var duration = new Option<int>("--session-duration") { Description = "AssumeRole session length in seconds (900–43200); credentials are renewed before they expire", DefaultValueFactory = _ => 3600 };
        var concurrency = new Option<int>("--max-concurrency") { Description = "Calls in flight at once across all services (per-service limits still apply)", DefaultValueFactory = _ => Core.Aws.Transport.TransportOptions.DefaultMaxConcurrency };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output" };
        var org = new Option<bool>("--org") { Description = "Scan every ACTIVE member account of the organization whose management account --role-arn is in" };
        var memberRole = new Option<string>("--member-role-name") { Description = "The read-only role's name in each member account", DefaultValueFactory = _ => FleetOptions.None.MemberRoleName };
        var accounts = new Option<string?>("--accounts") { Description = "CSV or JSON file of accounts (account_id, role_arn, external_id_env = the NAME of the variable holding its External ID, regions)" };
        var shard = new Option<string?>("--shard") { Description = "Scan only slice i of n of the accounts (i/n, 0 <= i < n; by a stable hash of the account id)" };
        var accountConcurrency = new Option<int>("--account-concurrency") { Description = "Accounts scanned at the same time (inside --max-concurrency)", DefaultValueFactory = _ => FleetOptions.None.AccountConcurrency };
        var perAccount = new Option<int>("--per-account-concurrency") { Description = "Calls in flight at once for one account", DefaultValueFactory = _ => FleetOptions.None.PerAccountConcurrency };
        var baseline = new Option<string?>("--baseline") { Description = "The previous run's scan.json: mark findings new, resolved and changed since then" };
        var failOnNew = new Option<decimal?>("--fail-on-new-savings") { Description = $"Exit {NightlyDiff.NewSavingsExitCode} when new monthly savings (waste) above this amount appeared since --baseline" };
        var settings = new Option<string?>("--settings") { Description = "JSON file of check thresholds (defaults live in code; `finops-pack checks --details` lists them)" };
        var templates = new Option<string?>("--templates") { Description = "A customised copy of the report templates (a consultant's branding)" };
        var redact = new Option<bool>("--redact") { Description = "Replace account ids, ARNs, resource ids and names with stable pseudonyms in every output" };

        var command = new Command("scan", "Scan an AWS account through its read-only role and write the savings report")
        {
            roleArn, externalId, regions, output, profile, endpoint, duration, concurrency, quiet, settings, templates, redact,
            org, memberRole, accounts, shard, accountConcurrency, perAccount, baseline, failOnNew,
        };
        run ??= (options, ct) => new ScanHandler(io, TimeProvider.System).RunAsync(options, ct);
        command.SetAction((parse, ct) => run(
            new ScanOptions(
                parse.GetValue(roleArn) ?? "",
                parse.GetValue(externalId) ?? Environment.GetEnvironmentVariable(ExternalIdVariable),
                parse.GetValue(regions),
                parse.GetValue(output)!,
                parse.GetValue(profile),
                parse.GetValue(endpoint),
                parse.GetValue(duration),
                parse.GetValue(concurrency),
                parse.GetValue(quiet),
                parse.GetValue(settings),
                parse.GetValue(templates),
                parse.GetValue(redact))
            {
                Fleet = new FleetOptions(
                    parse.GetValue(org),
                    parse.GetValue(memberRole)!,
                    parse.GetValue(accounts),
                    parse.GetValue(shard),
                    parse.GetValue(accountConcurrency),
                    parse.GetValue(perAccount),
                    parse.GetValue(baseline),
                    parse.GetValue(failOnNew)),
            },
            ct));
        return command;
    }
}
