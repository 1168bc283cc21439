using FinOpsPack.Core.Report;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Tests.Report;

public sealed class HtmlReportRendererTests
{
    [Fact]
    public async Task Should_MatchSnapshot_When_RenderingTheFixtureScan()
    {
        // Given the fixed scan, clock and key / When rendered / Then byte-for-byte the reviewed page
        HtmlSnapshot.Verify("report", ReportFixture.Render(await ReportFixture.LoadAsync()));
    }

    [Fact]
    public async Task Should_MatchSnapshot_When_RenderingTheRedactedFixtureScan()
    {
        var scan = new Redactor(ReportFixture.RedactionKey).Redact(await ReportFixture.LoadAsync());
        HtmlSnapshot.Verify("report-redacted", ReportFixture.Render(scan, redacted: true));
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("<img src=x onerror=window.__xss=1>")]
    [InlineData("</script><script>window.__xss=1</script>")]
    public async Task Should_NeverEmitAccountMarkupRaw_When_NamesCarryHtml(string payload)
    {
        var html = ReportFixture.Render(await ReportFixture.LoadAsync());
        var json = html.IndexOf("<script type=\"application/json\"", StringComparison.Ordinal);
        var markup = html[..json] + html[html.IndexOf("</script>", json, StringComparison.Ordinal)..];

        Assert.DoesNotContain(payload, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=", markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_EscapeTheServerSideRows_When_NamesCarryHtml()
    {
        var html = ReportFixture.Render(await ReportFixture.LoadAsync());

        Assert.Contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; (i-0a1b2c3d4e5f60718)", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; (i-0fedcba9876543210)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_LinkOnlyHttpUrls_When_EvidenceHoldsUrlLikeValues()
    {
        var html = ReportFixture.Render(await ReportFixture.LoadAsync());

        Assert.Contains("href=\"https://console.aws.amazon.com/cloudwatch/home?region&#x3D;eu-west-1#dashboards:name&#x3D;web\"", html, StringComparison.Ordinal);
        Assert.Contains("<dd>javascript:alert(1)</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_ShowUnknownNeverZero_When_ASavingIsUnknown()
    {
        var scan = await ReportFixture.LoadAsync();
        var model = ReportModelBuilder.Build(scan, ReportFixture.GeneratedAt, redacted: false);

        var unknown = model.Findings.AllRows.Where(r => r.Resource.StartsWith("invoice-export", StringComparison.Ordinal)).Single();
        Assert.Equal("unknown", unknown.Savings);
        Assert.Null(unknown.SavingsValue);
        Assert.All(model.Findings.AllRows, r => Assert.NotEqual("0.00 USD", r.Savings));
        Assert.Equal("n/a", model.Findings.AllRows.First(r => r.Source == "n/a (risk)").Savings);
    }

    [Fact]
    public async Task Should_StateTheCurrency_When_ShowingMoney()
    {
        var model = ReportModelBuilder.Build(await ReportFixture.LoadAsync(), ReportFixture.GeneratedAt, redacted: false);

        Assert.Equal("1,225.05 USD", model.Summary.MonthlySavings);
        Assert.Equal("14,700.60 USD", model.Summary.AnnualSavings);
        Assert.Equal("22,495.78 USD", model.Summary.MonthlySpend);
        Assert.Equal("Aug 2026", model.Summary.SpendPeriod);
        Assert.Equal("5.5 %", model.Summary.ShareOfSpend);
        Assert.All(model.Summary.TopActions, a => Assert.EndsWith(" USD", a.MonthlySavings, StringComparison.Ordinal));
        Assert.All(model.Spend.ByService.Chart.Legend, l => Assert.EndsWith(" USD", l.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_ComputeTotals_When_TheScanCarriesNone()
    {
        var scan = await ReportFixture.LoadAsync() with { Savings = null };

        var model = ReportModelBuilder.Build(scan, ReportFixture.GeneratedAt, redacted: false);

        Assert.Equal("1,225.05 USD", model.Summary.MonthlySavings);
        Assert.Equal("5.4 %", model.Summary.ShareOfSpend);
    }

    [Fact]
    public async Task Should_ExplainEveryIncompleteCollector_When_CoverageIsPartial()
    {
        var model = ReportModelBuilder.Build(await ReportFixture.LoadAsync(), ReportFixture.GeneratedAt, redacted: false);

        var items = model.Coverage.Items;
        Assert.Equal(5, items.Count);
        var denied = items.Single(i => i.Collector == "rds.snapshots");
        Assert.Equal("not permitted", denied.Status);
        Assert.Contains("rds:DescribeDBSnapshots", denied.Enable, StringComparison.Ordinal);
        Assert.Equal("RDS snapshots: age checks", denied.Missing);
        Assert.Contains("Hourly and resource level data", items.Single(i => i.Status == "not enabled").Enable, StringComparison.Ordinal);
        Assert.Equal("ap-southeast-2", items.Single(i => i.Status == "skipped").Regions);
    }

    [Fact]
    public async Task Should_StackTwelveMonthsOfTopServices_When_SpendIsKnown()
    {
        var model = ReportModelBuilder.Build(await ReportFixture.LoadAsync(), ReportFixture.GeneratedAt, redacted: false);

        var chart = model.Spend.ByService.Chart;
        Assert.Equal(12, model.Spend.ByService.Table.Rows.Count);
        Assert.Equal(["s0", "s1", "s2", "s3", "s4", "s-other"], chart.Legend.Select(l => l.CssClass));
        Assert.Equal("Amazon Elastic Compute Cloud - Compute", chart.Legend[0].Label);
        Assert.Equal(12 * 6, chart.Bars.Count);
        Assert.All(chart.Bars, b => Assert.True(double.Parse(b.Y, System.Globalization.CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public void Should_RoundAxisMaximumUp_When_ComputingChartScale()
    {
        Assert.Equal(25_000m, SvgCharts.NiceCeiling(22_495.78m));
        Assert.Equal(500m, SvgCharts.NiceCeiling(500m));
        Assert.Equal(1m, SvgCharts.NiceCeiling(0m));
    }

    [Fact]
    public async Task Should_RenderEmptySections_When_TheScanHasNoCostNoFindingsAndNoIam()
    {
        var scan = await ReportFixture.LoadAsync();
        scan = scan with
        {
            Findings = [],
            Savings = null,
            Collectors = [],
            Inventory = scan.Inventory with { Cost = null, BedrockGovernance = null, CohEnrollment = null, CohSummary = null, CohRecommendations = [] },
        };

        var html = ReportFixture.Render(scan);

        Assert.Contains("Spend could not be read from Cost Explorer", html, StringComparison.Ordinal);
        Assert.Contains("Bedrock governance is unknown", html, StringComparison.Ordinal);
        Assert.Contains("Enrollment could not be read", html, StringComparison.Ordinal);
        Assert.Contains("id=\"findings-data\">[]</script>", html, StringComparison.Ordinal);
        Assert.Contains("No collector ran", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_FormatRiskFindings_When_SourceIsNotApplicable()
    {
        Assert.Equal("n/a", ReportFormat.Savings(new SavingsEstimate(null, "USD", SavingsSource.NotApplicable, "risk")));
        Assert.Equal("unknown", ReportFormat.Savings(new SavingsEstimate(null, "EUR", SavingsSource.Unknown, "no price")));
        Assert.Equal("0.00 EUR", ReportFormat.Savings(new SavingsEstimate(0m, "EUR", SavingsSource.PriceTable, "measured zero")));
    }
}
