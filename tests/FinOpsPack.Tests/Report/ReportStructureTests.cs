using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FinOpsPack.Core.Report;

namespace FinOpsPack.Tests.Report;

/// <summary>Parses the rendered page as a browser would and checks what it may contain.</summary>
public sealed class ReportStructureTests
{
    private static async Task<IDocument> ParseAsync() =>
        new HtmlParser().ParseDocument(ReportFixture.Render(await ReportFixture.LoadAsync()));

    [Fact]
    public async Task Should_HaveNoEventHandlerAttribute_When_DataCarriesMarkup()
    {
        var doc = await ParseAsync();

        var handlers = doc.All.SelectMany(e => e.Attributes.Select(a => e.LocalName + "@" + a.Name))
            .Where(a => a.Split('@')[1].StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Empty(handlers);
        Assert.Empty(doc.QuerySelectorAll("img, iframe, object, embed, link[rel=stylesheet], base, form"));
    }

    [Fact]
    public async Task Should_HaveOnlyTheHashedScriptAndTheJsonBlock_When_Rendered()
    {
        var doc = await ParseAsync();

        var scripts = doc.QuerySelectorAll("script");
        Assert.Equal(2, scripts.Length);
        Assert.Equal("application/json", scripts[0].GetAttribute("type"));
        Assert.Equal("findings-data", scripts[0].Id);
        Assert.Null(scripts[1].GetAttribute("type"));
        Assert.Null(scripts[1].GetAttribute("src"));
        Assert.Equal(ReportTemplates.Embedded().Js, scripts[1].TextContent);
    }

    [Fact]
    public async Task Should_AllowExactlyTheInlineStyleAndScript_When_PolicyIsComputed()
    {
        var doc = await ParseAsync();
        var templates = ReportTemplates.Embedded();

        var policy = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        var style = doc.QuerySelectorAll("style").Single().TextContent;
        var script = doc.QuerySelectorAll("script").Single(s => s.GetAttribute("type") is null).TextContent;
        Assert.Equal(templates.Css, style);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src data:;", policy, StringComparison.Ordinal);
        Assert.Contains("style-src '" + ContentSecurityPolicy.Sha256(style) + "'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src '" + ContentSecurityPolicy.Sha256(script) + "'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.All, e => e.HasAttribute("style"));
    }

    [Fact]
    public async Task Should_ReferenceNothingOutsideThePage_When_Rendered()
    {
        var doc = await ParseAsync();

        var urls = doc.All.SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src" or "xlink:href" or "action" or "srcset").Select(a => a.Value)).ToList();
        Assert.All(urls, u => Assert.True(
            u.StartsWith('#') || u == "data:," || u.StartsWith("https://", StringComparison.Ordinal) || u.StartsWith("http://", StringComparison.Ordinal),
            "unexpected reference " + u));
        Assert.All(doc.QuerySelectorAll("a[href^='http']"), a => Assert.Contains("noreferrer", a.GetAttribute("rel"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_EmbedEveryFindingAsParseableJson_When_Rendered()
    {
        var scan = await ReportFixture.LoadAsync();
        var doc = await ParseAsync();

        var json = doc.GetElementById("findings-data")!.TextContent;
        using var rows = JsonDocument.Parse(json);
        Assert.Equal(scan.Findings.Count, rows.RootElement.GetArrayLength());
        var resources = rows.RootElement.EnumerateArray().Select(r => r[1].GetString()).ToList();
        Assert.Contains("</script><script>window.__xss=1</script><!-- (i-0123abcd4567ef890)", resources);
        Assert.Contains("\t=1+1 (vol-0222233334444aaaa)", resources);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RenderTheTopRowsServerSide_When_JavaScriptIsOff()
    {
        var scan = await ReportFixture.LoadAsync();
        var doc = await ParseAsync();

        var rows = doc.QuerySelectorAll("#findings-table tbody tr");
        Assert.Equal(Math.Min(scan.Findings.Count, ReportModelBuilder.ServerSideRows), rows.Length);
        Assert.Equal(10, rows[0].Children.Length);
        Assert.Equal("350.40 USD", rows[0].Children[5].TextContent);
        Assert.Equal("<img src=x onerror=alert(1)> (i-0a1b2c3d4e5f60718)", rows[2].Children[1].TextContent);
        Assert.True(doc.GetElementById("findings-controls")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Should_HaveEverySection_When_Rendered()
    {
        var doc = await ParseAsync();

        foreach (var id in new[] { "summary", "spend", "savings", "findings", "coh", "bedrock", "coverage", "metadata", "data-handling" })
        {
            Assert.NotNull(doc.GetElementById(id));
        }

        Assert.Equal(5, doc.QuerySelectorAll("svg").Length);
        var metadata = doc.GetElementById("metadata")!.TextContent;
        Assert.Contains("sha256:3b7e0c1d9a42f7e1", metadata, StringComparison.Ordinal);
        Assert.Contains("14 billed requests, 0.14 USD", metadata, StringComparison.Ordinal);
        Assert.Contains("3 min 12 s", metadata, StringComparison.Ordinal);
        Assert.Contains("33.3 %", doc.GetElementById("bedrock")!.TextContent, StringComparison.Ordinal);
    }
}
