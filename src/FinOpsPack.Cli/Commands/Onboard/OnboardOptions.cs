namespace FinOpsPack.Cli.Commands.Onboard;

/// <summary>The onboard flags as parsed, before validation.</summary>
public sealed record OnboardOptions(
    string? ExternalId,
    string TrustedPrincipal,
    string RoleName,
    string StackName,
    string Region,
    string TemplateFile,
    string? TemplateUrl,
    int? MaxSessionDuration);
