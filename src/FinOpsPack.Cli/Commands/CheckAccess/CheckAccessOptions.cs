namespace FinOpsPack.Cli.Commands.CheckAccess;

/// <summary>The check-access flags as parsed, before validation.</summary>
public sealed record CheckAccessOptions(
    string RoleArn,
    string? ExternalId,
    string? EndpointUrl,
    string? Profile,
    string Region,
    bool IncludeBilled);
