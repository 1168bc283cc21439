using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>Validates the scan flags (one clear line each) and runs the scan.</summary>
/// <param name="configure">Lets tests supply caller credentials and environment without touching the process's.</param>
/// <param name="environment">Where --accounts' External ID variables are read (default: the process environment).</param>
public sealed class ScanHandler(
    ConsoleStreams io, TimeProvider time, Func<ScanRequest, ScanRequest>? configure = null, Func<string, string?>? environment = null)
{
    public Task<int> RunAsync(ScanOptions options, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var fleet = options.Fleet;
            var baseline = await NightlyDiff.LoadBaselineAsync(fleet.Baseline, ct).ConfigureAwait(false);
            int code;
            string outputDirectory;
            if (fleet.IsFleet)
            {
                var request = ToFleetRequest(options, environment ?? Environment.GetEnvironmentVariable);
                request = request with { Template = configure?.Invoke(request.Template) ?? request.Template };
                outputDirectory = request.Template.OutputDirectory;
                code = await new FleetExecution(io, time).RunAsync(request, Output(options), ct).ConfigureAwait(false);
            }
            else
            {
                var request = ToRequest(options);
                request = configure?.Invoke(request) ?? request;
                outputDirectory = request.OutputDirectory;
                code = await new ScanExecution(io, time).RunAsync(request, Output(options), ct).ConfigureAwait(false);
            }

            return baseline is null
                ? code
                : await NightlyDiff.ApplyAsync(io, time, baseline, outputDirectory, Output(options).Report, fleet.FailOnNewSavings, code, ct).ConfigureAwait(false);
        });

    /// <summary>Validates the organization / fleet flags; without --role-arn every listed account reads its own spend.</summary>
    public static Core.Fleet.FleetRequest ToFleetRequest(ScanOptions options, Func<string, string?> environment)
    {
        var fleet = options.Fleet;
        if (fleet.Org && fleet.AccountsFile is not null)
        {
            throw new UserInputException("--org lists the organization's accounts, --accounts names them: use one");
        }

        if (fleet.AccountConcurrency is < 1 or > 256 || fleet.PerAccountConcurrency is < 1 or > 512)
        {
            throw new UserInputException("--account-concurrency must be 1–256 and --per-account-concurrency 1–512");
        }

        var hasManagement = options.RoleArn.Length > 0;
        if (!hasManagement && fleet.Org)
        {
            throw new UserInputException("--org needs --role-arn: the management (or delegated administrator) account's role");
        }

        var fallbackId = options.ExternalId is null ? null : ExternalId.Parse(options.ExternalId);
        var accounts = fleet.AccountsFile is null
            ? null
            : AccountsFile.Load(fleet.AccountsFile, fleet.MemberRoleName, fallbackId, environment);
        if (accounts is { Count: 0 } && !hasManagement)
        {
            throw new UserInputException($"{fleet.AccountsFile}: lists no account");
        }

        var first = accounts?.FirstOrDefault();
        var template = ToRequest(hasManagement
            ? options
            : options with { RoleArn = first!.RoleArn.Value, ExternalId = options.ExternalId ?? first.ExternalId.Value });
        return new Core.Fleet.FleetRequest
        {
            Template = template,
            HasManagement = hasManagement,
            Accounts = accounts,
            MemberRoleName = fleet.MemberRoleName,
            Shard = fleet.Shard is null ? Core.Fleet.Shard.All : Core.Fleet.Shard.Parse(fleet.Shard),
            AccountConcurrency = fleet.AccountConcurrency,
            PerAccountConcurrency = fleet.PerAccountConcurrency,
        };
    }

    public static ScanRequest ToRequest(ScanOptions options)
    {
        if (options.RoleArn.Length == 0)
        {
            throw new UserInputException("--role-arn is required (or --accounts FILE naming the accounts)");
        }

        var roleArn = RoleArn.Parse(options.RoleArn);
        var externalId = ExternalId.Parse(options.ExternalId);
        if (options.SessionDurationSeconds is < 900 or > 43200)
        {
            throw new UserInputException("--session-duration must be between 900 and 43200 seconds (STS limits; the role's maximum may be lower)");
        }

        if (options.MaxConcurrency is < 1 or > 512)
        {
            throw new UserInputException("--max-concurrency must be between 1 and 512");
        }

        var maxConcurrency = options.MaxConcurrency;
        return new ScanRequest
        {
            RoleArn = roleArn,
            ExternalId = externalId,
            Regions = AwsRegions.ParseList(options.Regions),
            OutputDirectory = Path.GetFullPath(options.OutputDirectory),
            Profile = options.Profile,
            EndpointUrl = ParseEndpoint(options.EndpointUrl),
            SessionDuration = TimeSpan.FromSeconds(options.SessionDurationSeconds),
            Transport = new Core.Aws.Transport.TransportOptions { MaxConcurrency = maxConcurrency },
        };
    }

    public static ScanOutputOptions Output(ScanOptions options)
    {
        if (options.SettingsFile is not null && !File.Exists(options.SettingsFile))
        {
            throw new UserInputException($"--settings '{options.SettingsFile}' does not exist");
        }

        if (options.TemplatesDirectory is not null && !Directory.Exists(options.TemplatesDirectory))
        {
            throw new UserInputException($"--templates '{options.TemplatesDirectory}' is not a directory");
        }

        return new ScanOutputOptions(
            options.Quiet,
            options.SettingsFile is null ? CheckSettings.Empty : LoadSettings(options.SettingsFile),
            new ReportOptions(options.TemplatesDirectory, options.Redact));
    }

    private static CheckSettings LoadSettings(string path)
    {
        try
        {
            return CheckSettings.Load(path);
        }
        catch (CheckSettingsException e)
        {
            throw new UserInputException($"--settings '{path}': {e.Message}");
        }
    }

    private static Uri? ParseEndpoint(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UserInputException($"--endpoint-url '{value}' is not an http(s) URL");
    }
}
