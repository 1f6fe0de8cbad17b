using Microsoft.Playwright;

namespace Pacta.Tests.Server.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Never a downloaded browser: where /usr/bin/chromium is missing the
/// tests are skipped, visibly, except in CI (CI=true), where a missing browser is a failure.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public LiveServer Server { get; } = new();

    /// <summary>Where screenshots are kept, under the test output folder.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        if (!File.Exists(ExecutablePath)) return;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh page at a laptop's size; skips or fails the test when there is no browser.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (Browser is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"Chromium is not installed at {ExecutablePath}: CI must install it (apt-get install chromium); the browser tests cannot be skipped there.");
            Assert.Skip($"Chromium is not installed at {ExecutablePath}: apt-get install chromium");
        }
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        // A guard against a hung page, not a speed target (that is bench/web.sh): generous, because CI runs the
        // browser beside a parallel test run on two cores.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
