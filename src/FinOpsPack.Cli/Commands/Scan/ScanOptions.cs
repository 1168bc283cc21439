namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>The scan flags as parsed, before validation.</summary>
public sealed record ScanOptions(
    string RoleArn,
    string? ExternalId,
    string? Regions,
    string OutputDirectory,
    string? Profile,
    string? EndpointUrl,
    int SessionDurationSeconds,
    int MaxConcurrency,
    bool Quiet,
    string? SettingsFile = null,
    string? TemplatesDirectory = null,
    bool Redact = false)
{
    /// <summary>Organization, fleet and nightly-diff flags.</summary>
    public FleetOptions Fleet { get; init; } = FleetOptions.None;
}
