using Microsoft.Playwright;
using Pacta.Datasets;
using Pacta.Reports;
using Pacta.Reports.Compliance;
using Pacta.Reports.Rendering;
using Pacta.Tests.Cli;
using Pacta.Tests.Server.Browser;

namespace Pacta.Tests.Reports;

/// <summary>The HTML report in Debian's Chromium, opened from a file with every network request refused.</summary>
public sealed class HtmlReportBrowserTests
{
    [Fact]
    public async Task The_html_report_opens_offline_from_a_file_with_its_charts_drawn()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"Chromium is not installed at {Chromium.ExecutablePath}: CI must install it (apt-get install chromium).");
            Assert.Skip($"Chromium is not installed at {Chromium.ExecutablePath}: apt-get install chromium");
        }
        var records = new CaseRecords(DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")).Records);
        using var folder = new TempFolder();
        var path = folder["compliance.html"];
        File.WriteAllText(path, HtmlRenderer.Render(ComplianceReport.Build(records, new DateOnly(2025, 12, 31))));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                outside.Add(url);
                await route.AbortAsync();
            }
        });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(path).AbsoluteUri);

        Directory.CreateDirectory(Chromium.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "compliance-report.png"), FullPage = false });
        var charts = page.Locator("figure.chart img");
        Assert.Equal(2, await charts.CountAsync());
        for (var i = 0; i < 2; i++)
        {
            var chart = charts.Nth(i);
            await chart.ScrollIntoViewIfNeededAsync();
            Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0"), "a chart did not decode");
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, $"a chart is drawn at {box?.Width}×{box?.Height}");
        }
        Assert.Empty(outside);
        Assert.Empty(errors);
        await charts.First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "compliance-report-chart.png") });

        // A link to evidence leads to its entry in the appendix.
        var link = page.Locator("a[href^='#ev-']").First;
        var target = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        Assert.EndsWith(target, page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator($"tr[id='{target[1..]}']").IsVisibleAsync());
    }
}
