using BenchmarkDotNet.Attributes;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Bench;

/// <summary>BenchmarkDotNet view of the same work <see cref="ReportMeasurement"/> times: model + HTML for 50,000 findings.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReportBenchmarks
{
    private ScanResult _scan = null!;
    private HtmlReportRenderer _renderer = null!;
    private string _path = null!;

    [Params(50_000)]
    public int Findings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scan = SyntheticScan.Create(Findings);
        _renderer = new HtmlReportRenderer(ReportTemplates.Embedded());
        _path = Path.Combine(Path.GetTempPath(), "finops-bench-report.html");
    }

    [Benchmark]
    public long RenderHtml()
    {
        var model = ReportModelBuilder.Build(_scan, DateTimeOffset.UnixEpoch, redacted: false);
        using (var writer = ReportMeasurement.OpenText(_path))
        {
            _renderer.Render(model, writer);
        }

        return new FileInfo(_path).Length;
    }
}
