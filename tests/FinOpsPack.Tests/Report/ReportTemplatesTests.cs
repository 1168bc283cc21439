using FinOpsPack.Core.Report;

namespace FinOpsPack.Tests.Report;

public sealed class ReportTemplatesTests
{
    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "finops-templates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Should_LoadEveryPartialAndAsset_When_UsingTheEmbeddedTemplates()
    {
        var templates = ReportTemplates.Embedded();

        Assert.Contains("{{> findings Findings}}", templates.Main, StringComparison.Ordinal);
        Assert.Equal(
            ["accounts", "bedrock", "chart", "coh", "coverage", "datahandling", "datatable", "findings", "metadata", "savings", "sincelastrun", "spend", "summary"],
            templates.Partials.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("@media print", templates.Css, StringComparison.Ordinal);
        Assert.Contains("textContent", templates.Js, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", templates.Js, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NeverUseTripleStash_When_TemplatesInterpolate()
    {
        var templates = ReportTemplates.Embedded();

        Assert.DoesNotContain("{{{", templates.Main, StringComparison.Ordinal);
        Assert.All(templates.Partials.Values, p => Assert.DoesNotContain("{{{", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_UseTheBrandedCopyAndRehash_When_ADirectoryOverridesTheStylesheet()
    {
        // Given a consultant's directory with only a stylesheet and a summary partial
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "report.css"), "body { color: #123456; }\n");
        File.WriteAllText(Path.Combine(dir, "_summary.hbs"), "<section id=\"summary\"><h2>Acme Consulting</h2>{{MonthlySavings}}</section>\n");

        // When rendering with it
        var renderer = new HtmlReportRenderer(ReportTemplates.Load(dir));
        var html = renderer.RenderToString(ReportModelBuilder.Build(await ReportFixture.LoadAsync(), ReportFixture.GeneratedAt, false));

        // Then the overrides are used, the rest falls back to the embedded files, and the policy hashes the new stylesheet
        Assert.Contains("<style>body { color: #123456; }\n</style>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Acme Consulting</h2>1,225.05 USD", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Findings</h2>", html, StringComparison.Ordinal);
        Assert.Contains(ContentSecurityPolicy.Sha256("body { color: #123456; }\n"), renderer.Policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_StillEscape_When_ACustomTemplateIndentsAPartialCall()
    {
        // Handlebars.Net 2.4.3 writes an indented standalone partial unescaped; the loader removes that indentation.
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "_findings.hbs"), "<section id=\"findings\">\n    {{> rows}}\n\t{{~> rows}}\n</section>\n");
        File.WriteAllText(Path.Combine(dir, "_rows.hbs"), "{{#each TopRows}}<p>{{Resource}}</p>{{/each}}\n");

        var html = new HtmlReportRenderer(ReportTemplates.Load(dir))
            .RenderToString(ReportModelBuilder.Build(await ReportFixture.LoadAsync(), ReportFixture.GeneratedAt, false));

        Assert.Contains("<p>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; (i-0a1b2c3d4e5f60718)</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_AnInlineAssetWouldCloseItsElement()
    {
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "report.js"), "var x = '</SCRIPT>';");

        var e = Assert.Throws<InvalidOperationException>(() => ReportTemplates.Load(dir));

        Assert.Contains("report.js", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fail_When_TheTemplatesDirectoryDoesNotExist()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ReportTemplates.Load(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid())));
    }

    [Fact]
    public async Task Should_WriteHtmlCsvAndScanJson_When_WritingAReport()
    {
        var (files, dir) = await ReportFixture.WriteAsync(redact: false);

        Assert.Equal(Path.Combine(dir, "report.html"), files.Html);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(files.Html), StringComparison.Ordinal);
        Assert.StartsWith("FindingId,CheckId,", File.ReadAllText(files.Csv), StringComparison.Ordinal);
        var roundTrip = await FinOpsPack.Core.Scanning.ScanJson.ReadAsync(files.ScanJson, CancellationToken.None);
        Assert.Equal((await ReportFixture.LoadAsync()).Findings.Count, roundTrip.Findings.Count);
        Assert.NotEqual(0xEF, File.ReadAllBytes(files.Html)[0]);
    }
}
