namespace FinOpsPack.Cli.Commands.Checks;

/// <summary>The <c>checks</c> flags as parsed.</summary>
/// <param name="SettingsFile">A settings file to validate; the listing then shows its values.</param>
/// <param name="Details">Also print each check's description, savings method, remediation and settings.</param>
public sealed record ChecksOptions(string? SettingsFile, bool Details);
