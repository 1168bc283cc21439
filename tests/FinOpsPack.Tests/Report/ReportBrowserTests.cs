using Microsoft.Playwright;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Report;

/// <summary>
/// Opens the written report in Debian's headless Chromium from a file URL, as a customer would, and checks that it
/// loads nothing, logs no error (a CSP violation would), runs none of the planted payloads, and that the findings
/// table sorts, filters and pages. Leaves a screenshot in <c>TestResults/report.png</c>.
/// </summary>
public sealed class ReportBrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [ChromiumFact]
    public async Task Should_LoadNothingRunNoPayloadAndSortFilterPage_When_OpenedFromAFileUrl()
    {
        // Given the fixture report written to disk and a browser watching requests, console, errors and dialogs
        var (files, _) = await ReportFixture.WriteAsync(redact: false);
        var url = new Uri(files.Html).AbsoluteUri;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Args = ChromiumArgs,
            Headless = true,
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        var requests = new List<string>();
        var dialogs = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                problems.Add(m.Type + ": " + m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.Request += (_, r) => requests.Add(r.Url);
        page.Dialog += async (_, d) =>
        {
            dialogs.Add(d.Message);
            await d.DismissAsync();
        };

        // When it is opened
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });

        // Then nothing else was requested, nothing complained and no payload ran
        Assert.True(requests.SequenceEqual([url]), "requests: " + string.Join(", ", requests));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), "an XSS payload ran");
        Assert.Equal(0, await page.Locator("img, iframe").CountAsync());
        Assert.True(await page.Locator("#findings-controls").IsVisibleAsync(), "the table script did not run");

        // Sorting by savings puts the largest first, then the smallest first with unknown and risks last
        var rows = page.Locator("#findings-table tbody tr");
        Assert.Equal(31, await rows.CountAsync());
        await Header(page, "Savings / month").ClickAsync();
        Assert.Equal("350.40 USD", await Cell(page, 0, 5));
        await Header(page, "Savings / month").ClickAsync();
        Assert.Equal("2.50 USD", await Cell(page, 0, 5));
        Assert.Equal("n/a", await Cell(page, 30, 5));

        // Sorting by service, both ways
        await Header(page, "Service").ClickAsync();
        Assert.Equal("EBS", await Cell(page, 0, 0));
        await Header(page, "Service").ClickAsync();
        Assert.Equal("VPC", await Cell(page, 0, 0));
        Assert.Equal("descending", await page.Locator("#findings-table th").Nth(0).GetAttributeAsync("aria-sort"));

        // Paging
        await page.SelectOptionAsync("#findings-page-size", "25");
        Assert.Equal(25, await rows.CountAsync());
        await page.ClickAsync("#findings-next");
        Assert.Equal(6, await rows.CountAsync());
        Assert.Equal("Showing 26–31 of 31", await page.Locator("#findings-status").TextContentAsync());

        // Filtering by text shows the payloads as inert text
        await page.FillAsync("#findings-filter", "onerror");
        Assert.Equal(1, await rows.CountAsync());
        var resources = await page.Locator("#findings-table tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.Contains("<img src=x onerror=alert(1)> (i-0a1b2c3d4e5f60718)", resources);
        await page.FillAsync("#findings-filter", "window.__xss");
        Assert.Contains("</script><script>window.__xss=1</script><!-- (i-0123abcd4567ef890)", await page.Locator("#findings-table tbody tr td:nth-child(2)").AllTextContentsAsync());

        // Filtering by service and category
        await page.FillAsync("#findings-filter", "");
        await page.SelectOptionAsync("#findings-service", "Lambda");
        Assert.Equal(2, await rows.CountAsync());
        await page.SelectOptionAsync("#findings-service", "");
        await page.SelectOptionAsync("#findings-category", "Governance");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("n/a (risk)", await Cell(page, 0, 6));
        await page.SelectOptionAsync("#findings-category", "");

        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), "an XSS payload ran");
        Assert.Empty(dialogs);
        Assert.Empty(problems);
        Assert.Equal([url], requests);

        var shots = Path.Combine(RepoPaths.Root, "TestResults");
        Directory.CreateDirectory(shots);
        await page.Locator("#findings-table").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "report.png"), FullPage = true });
    }

    private static ILocator Header(IPage page, string text) =>
        page.Locator("#findings-table thead th button", new() { HasTextString = text });

    private static Task<string?> Cell(IPage page, int row, int column) =>
        page.Locator("#findings-table tbody tr").Nth(row).Locator("td").Nth(column).TextContentAsync();
}
