using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Checks;

/// <summary>Prints the catalogue to stdout; settings problems go to stderr (an unreadable file is a usage error).</summary>
public sealed class ChecksHandler(ConsoleStreams io)
{
    public async Task<int> RunAsync(ChecksOptions options, CancellationToken ct)
    {
        var settings = CheckSettings.Empty;
        if (options.SettingsFile is { } file)
        {
            try
            {
                settings = CheckSettings.Load(file);
            }
            catch (Exception e) when (e is CheckSettingsException or IOException or UnauthorizedAccessException)
            {
                await io.Err.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        var checks = CheckCatalog.All;
        await io.Out.WriteAsync(options.Details ? Details(checks, settings) : Table(checks)).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();

        foreach (var problem in settings.UnknownKeys(CheckCatalog.AllSettings.Select(s => s.Key)))
        {
            await io.Err.WriteLineAsync($"warning: {settings.Source}: unknown setting {problem} (no check reads it)").ConfigureAwait(false);
        }

        foreach (var problem in settings.Problems)
        {
            await io.Err.WriteLineAsync("warning: " + problem).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    internal static string Table(IReadOnlyList<ICheck> checks)
    {
        string[] header = ["ID", "CATEGORY", "SEVERITY", "TITLE", "EVIDENCE"];
        var rows = checks.Select(c => c.Metadata)
            .Select(m => new[] { m.Id, m.Category.ToString(), m.Severity.ToString(), m.Title, Evidence(m) })
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringWriter();
        foreach (var row in rows)
        {
            text.WriteLine(string.Join("  ", row.Select((cell, i) => i < widths.Length ? cell.PadRight(widths[i]) : cell)));
        }

        return text.ToString();
    }

    internal static string Details(IReadOnlyList<ICheck> checks, CheckSettings settings)
    {
        var text = new StringWriter();
        foreach (var m in checks.Select(c => c.Metadata))
        {
            text.WriteLine($"{m.Id}  [{m.Category}, {m.Severity}]");
            text.WriteLine($"  {m.Title}");
            text.WriteLine($"  service: {m.Service}   resource: {m.ResourceType}");
            text.WriteLine($"  evidence: {Evidence(m)}");
            text.WriteLine($"  why: {m.Description}");
            text.WriteLine($"  savings: {m.SavingsMethod}");
            text.WriteLine($"  remediation: {m.Remediation}");
            foreach (var s in m.Settings)
            {
                var value = settings.Keys.Contains(s.Key) ? " (set in " + settings.Source + ")" : "";
                text.WriteLine($"  setting {s.Key} ({s.Type}, default {s.Default}){value}: {s.Description}");
            }

            text.WriteLine();
        }

        return text.ToString();
    }

    private static string Evidence(CheckMetadata m) =>
        string.Join(", ", m.RequiredEvidence) + (m.OptionalEvidence.Count > 0 ? " (+ optional " + string.Join(", ", m.OptionalEvidence) + ")" : "");
}
