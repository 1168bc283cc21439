using System.Text;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Report;

/// <summary>The fixed scan, clock and redaction key every report test renders from.</summary>
public static class ReportFixture
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 9, 14, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Fixed so snapshots of the redacted report are reproducible; a real run draws a fresh key.</summary>
    public static readonly byte[] RedactionKey = Encoding.ASCII.GetBytes("finops-pack-test-redaction-key-01");

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "FinOpsPack.Tests", "Report");

    public static string ScanPath => Path.Combine(Directory, "Fixtures", "scan.json");

    public static Task<ScanResult> LoadAsync() => ScanJson.ReadAsync(ScanPath, CancellationToken.None);

    public static TimeProvider Clock => new FixedTimeProvider(GeneratedAt);

    public static string Render(ScanResult scan, bool redacted = false) =>
        new HtmlReportRenderer(ReportTemplates.Embedded()).RenderToString(ReportModelBuilder.Build(scan, GeneratedAt, redacted));

    /// <summary>Writes all three outputs into a fresh temporary directory.</summary>
    public static async Task<(ReportFiles Files, string Directory)> WriteAsync(bool redact, string? templates = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "finops-report-" + Guid.NewGuid().ToString("N"));
        var files = await new ReportWriter(Clock).WriteAsync(
            await LoadAsync(), dir, new ReportOptions(templates, redact, RedactionKey), CancellationToken.None);
        return (files, dir);
    }
}
