using System.Text;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Report;

public sealed record ReportFiles(string Html, string Csv, string ScanJson);

/// <summary>
/// Writes the three outputs of a review into one directory: <c>report.html</c>, <c>findings.csv</c> and
/// <c>scan.json</c>. With <see cref="ReportOptions.Redact"/> all three come from one redacted scan, so a pseudonym
/// means the same resource in each.
/// </summary>
public sealed class ReportWriter(TimeProvider time)
{
    public const string HtmlFile = "report.html";
    public const string CsvFile = "findings.csv";
    public const string ScanFile = "scan.json";

    private const int BufferSize = 1 << 16;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<ReportFiles> WriteAsync(ScanResult scan, string outputDirectory, ReportOptions options, CancellationToken ct)
    {
        var renderer = new HtmlReportRenderer(ReportTemplates.Load(options.TemplatesDirectory));
        Directory.CreateDirectory(outputDirectory);
        if (options.Redact)
        {
            scan = new Redactor(options.RedactionKey ?? Pseudonyms.NewKey()).Redact(scan);
        }

        var files = new ReportFiles(
            Path.Combine(outputDirectory, HtmlFile), Path.Combine(outputDirectory, CsvFile), Path.Combine(outputDirectory, ScanFile));
        // scan.json first: the collected data is kept even if rendering fails.
        await ScanJson.WriteAsync(scan, files.ScanJson, ct).ConfigureAwait(false);
        PhaseMemory.Release();
        PhaseTrace.Mark("scan.json, memory released");
        var model = ReportModelBuilder.Build(scan, time.GetUtcNow(), options.Redact);
        await using (var html = OpenText(files.Html))
        {
            renderer.Render(model, html);
            await html.FlushAsync(ct).ConfigureAwait(false);
        }

        model = null; // the CSV needs only the findings: the page's model goes with the release below
        PhaseMemory.Release();
        PhaseTrace.Mark("report.html, memory released");
        await using (var csv = OpenText(files.Csv))
        {
            await CsvExporter.WriteAsync(ReportModelBuilder.InReportOrder(scan.Findings), csv, ct).ConfigureAwait(false);
        }

        PhaseTrace.Mark("findings.csv");
        return files;
    }

    private static StreamWriter OpenText(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize), Utf8, BufferSize);
}
