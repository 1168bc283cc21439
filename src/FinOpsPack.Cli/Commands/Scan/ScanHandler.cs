using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>Validates the scan flags (one clear line each) and runs the scan.</summary>
/// <param name="configure">Lets tests supply caller credentials and environment without touching the process's.</param>
public sealed class ScanHandler(ConsoleStreams io, TimeProvider time, Func<ScanRequest, ScanRequest>? configure = null)
{
    public Task<int> RunAsync(ScanOptions options, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var request = ToRequest(options);
            request = configure?.Invoke(request) ?? request;
            return await new ScanExecution(io, time).RunAsync(request, Output(options), ct).ConfigureAwait(false);
        });

    public static ScanRequest ToRequest(ScanOptions options)
    {
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
