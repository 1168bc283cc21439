using System.Diagnostics;
using System.Globalization;
using System.Text;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>
/// Times report.html for many findings, from the benchmark's own scan: its findings, repeated with fresh ids up to the
/// number asked when the account produced fewer. One warm-up, then the median of three renders (model + HTML, to disk).
/// </summary>
public static class BenchRender
{
    private const int Runs = 3;

    public static async Task<RenderMeasure> MeasureAsync(int findings, string scanJson, string output, CancellationToken ct)
    {
        var scan = await ScanJson.ReadAsync(scanJson, ct).ConfigureAwait(false);
        if (scan.Findings.Count == 0)
        {
            return new RenderMeasure(findings, null, null, "the scan produced no findings to render");
        }

        var padded = scan with
        {
            Findings = [.. Enumerable.Range(0, findings).Select(i =>
            {
                var f = scan.Findings[i % scan.Findings.Count];
                var copy = i / scan.Findings.Count;
                return copy == 0 ? f : f with { Id = f.Id + "-" + copy.ToString(CultureInfo.InvariantCulture) };
            })],
        };
        var renderer = new HtmlReportRenderer(ReportTemplates.Embedded());
        var html = Path.Combine(output, "render-" + findings.ToString(CultureInfo.InvariantCulture) + ".html");
        Render(renderer, padded, html);
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            Render(renderer, padded, html);
            times.Add(clock.Elapsed);
        }

        times.Sort();
        var size = new FileInfo(html).Length;
        File.Delete(html);
        return new RenderMeasure(findings, times[Runs / 2], size,
            scan.Findings.Count >= findings ? null : $"{scan.Findings.Count:N0} findings of the scan, repeated");
    }

    private static void Render(HtmlReportRenderer renderer, ScanResult scan, string path)
    {
        var model = ReportModelBuilder.Build(scan, DateTimeOffset.UnixEpoch, redacted: false);
        using var writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16);
        renderer.Render(model, writer);
    }
}
