using System.Diagnostics;
using System.Globalization;
using System.Text;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Bench;

/// <summary>
/// A plain measurement (no BenchmarkDotNet process fan-out): a warm-up, then <c>runs</c> timed renders of report.html
/// to disk, then one full <see cref="ReportWriter"/> run (HTML + CSV + scan.json) and one redacted run. The files are
/// deleted unless a directory to keep them in is given (to open the 50,000-row page in a browser).
/// </summary>
public static class ReportMeasurement
{
    public static StreamWriter OpenText(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16);

    public static async Task<int> RunAsync(int findings, int runs, string? keep)
    {
        var scan = SyntheticScan.Create(findings);
        var dir = keep ?? Path.Combine(Path.GetTempPath(), "finops-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var html = Path.Combine(dir, "report.html");
        var renderer = new HtmlReportRenderer(ReportTemplates.Embedded());
        Render(renderer, scan, html);
        ForceGc();
        var baseline = Process.GetCurrentProcess().WorkingSet64;

        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            ForceGc();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            Render(renderer, scan, html);
            sw.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var size = new FileInfo(html).Length;
        var csvTime = Stopwatch.StartNew();
        await using (var csv = OpenText(Path.Combine(dir, "findings.csv")))
        {
            await CsvExporter.WriteAsync(ReportModelBuilder.InReportOrder(scan.Findings), csv, CancellationToken.None);
        }

        csvTime.Stop();
        var jsonTime = Stopwatch.StartNew();
        await ScanJson.WriteAsync(scan, Path.Combine(dir, "scan.json"), CancellationToken.None);
        jsonTime.Stop();
        var all = Stopwatch.StartNew();
        var files = await new ReportWriter(TimeProvider.System).WriteAsync(scan, dir, new ReportOptions(), CancellationToken.None);
        all.Stop();
        var redacted = Stopwatch.StartNew();
        await new ReportWriter(TimeProvider.System).WriteAsync(scan, Path.Combine(dir, "redacted"), new ReportOptions(Redact: true), CancellationToken.None);
        redacted.Stop();

        times.Sort();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"findings                 {findings:N0}"));
        Console.WriteLine(string.Create(inv, $"render report.html       median {times[times.Count / 2]:N0} ms, min {times[0]:N0} ms, max {times[^1]:N0} ms ({runs} runs)"));
        Console.WriteLine(string.Create(inv, $"allocated per render     {allocated / 1048576.0:N1} MiB"));
        Console.WriteLine(string.Create(inv, $"working set              {baseline / 1048576.0:N0} MiB before rendering (scan in memory), peak {peak / 1048576.0:N0} MiB"));
        Console.WriteLine(string.Create(inv, $"report.html              {size / 1048576.0:N2} MiB"));
        Console.WriteLine(string.Create(inv, $"findings.csv             {new FileInfo(files.Csv).Length / 1048576.0:N2} MiB"));
        Console.WriteLine(string.Create(inv, $"findings.csv alone       {csvTime.Elapsed.TotalMilliseconds:N0} ms"));
        Console.WriteLine(string.Create(inv, $"scan.json alone          {jsonTime.Elapsed.TotalMilliseconds:N0} ms, {new FileInfo(files.ScanJson).Length / 1048576.0:N2} MiB"));
        Console.WriteLine(string.Create(inv, $"all three files          {all.Elapsed.TotalMilliseconds:N0} ms (report.html + findings.csv + scan.json)"));
        Console.WriteLine(string.Create(inv, $"all three, --redact      {redacted.Elapsed.TotalMilliseconds:N0} ms"));
        if (keep is null)
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    private static void Render(HtmlReportRenderer renderer, ScanResult scan, string path)
    {
        var model = ReportModelBuilder.Build(scan, DateTimeOffset.UnixEpoch, redacted: false);
        using var writer = OpenText(path);
        renderer.Render(model, writer);
    }

    private static void ForceGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
