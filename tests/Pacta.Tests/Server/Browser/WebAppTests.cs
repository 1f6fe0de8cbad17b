using Microsoft.Playwright;

namespace Pacta.Tests.Server.Browser;

/// <summary>The web app in a real browser: the pages a user follows, the map drawing, and stored markup staying text.</summary>
public sealed class WebAppTests(Chromium chromium) : IClassFixture<Chromium>
{
    private string Url(string path) => new Uri(chromium.Server.Address, path).ToString();

    [Fact]
    public async Task Dashboard_ShowsCountsLatestEventsOverdueObligationsAndContestedClaims()
    {
        var page = await chromium.NewPageAsync();
        var response = await page.GotoAsync(Url("/"));

        Assert.Equal(200, response!.Status);
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());
        foreach (var heading in new[] { "In the store", "Latest events", "Open contested claims" })
            Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Name = heading }).CountAsync());
        Assert.Equal(10, await page.Locator("section[aria-labelledby=latest] tbody tr").CountAsync());
        Assert.True(await page.Locator("section[aria-labelledby=contested] tbody tr").CountAsync() > 0);
        Assert.Equal(8, await page.Locator("header nav a").CountAsync());
        await Chromium.ScreenshotAsync(page, "dashboard");
    }

    [Fact]
    public async Task Document_LeadsToOneOfItsObligations()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(Url("/documents"));
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/documents/trilateral-statement-2020-11-10", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("a[href='/documents/trilateral-statement-2020-11-10']").ClickAsync());
        Assert.True(await page.Locator(".provision").CountAsync() > 0);
        Assert.True(await page.Locator(".provision .status").CountAsync() > 0);
        await Chromium.ScreenshotAsync(page, "document");

        var obligation = page.Locator("a[href^='/obligations/']").First;
        var href = await obligation.GetAttributeAsync("href");
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            obligation.ClickAsync());

        Assert.Contains("trilateral-statement-2020-11-10", await page.Locator(".crumbs a[href^='/documents/']").Last.GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Name = "Assessments" }).CountAsync());
        await Chromium.ScreenshotAsync(page, "obligation");
    }

    [Fact]
    public async Task Map_DrawsLayersFromOurOwnServerAndNoTiles()
    {
        var page = await chromium.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(Url("/map"));
        await page.WaitForSelectorAsync("#map[data-layers-loaded=true]");

        var paths = await page.Locator("#map path.leaflet-interactive").CountAsync();
        var markers = await page.Locator("#map .leaflet-marker-icon").CountAsync();
        Assert.True(paths > 0, "no vector features drawn");
        Assert.True(markers > 0, "no meeting markers drawn");
        Assert.Equal(1, await page.Locator(".leaflet-control-layers").CountAsync());
        Assert.Equal(1, await page.Locator(".legend").CountAsync());
        Assert.Empty(errors);
        Assert.All(requests, url => Assert.StartsWith(chromium.Server.Address.ToString(), url, StringComparison.Ordinal));
        Assert.Contains(requests, url => url.EndsWith("/lib/leaflet/leaflet.js", StringComparison.Ordinal));
        Assert.Contains(requests, url => url.Contains("/api/v1/layers/events?bbox=", StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(page, "map");

        // A popup is built from the feature's properties and links to the record's page. The meetings were held
        // abroad, outside the first view: the click is dispatched rather than aimed.
        await page.Locator("#map .leaflet-marker-icon").First.DispatchEventAsync("click");
        Assert.StartsWith("/events/", await page.Locator(".leaflet-popup-content a").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_HistorySliderRedrawsBorderSegmentsAsTheyStoodThen()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(Url("/map"));
        await page.WaitForSelectorAsync("#map[data-layers-loaded=true]");
        async Task<int> Stroked(string colour) => await page.Locator($"#map path[stroke='{colour}']").CountAsync();
        async Task SetMonth(int year, int month)
        {
            await page.Locator("#map-date").EvaluateAsync($"(e, v) => {{ e.value = v; e.dispatchEvent(new Event('input')); }}", (year - 1991) * 12 + month - 1);
        }

        // Today the Gazakh–Tavush section is delimited (blue); in late April 2024 it was agreed only (green).
        Assert.True(await Stroked("#2166ac") > 0, "a delimited segment is drawn today");
        await SetMonth(2024, 4);
        Assert.Equal("2024-04", await page.Locator("#map-date-label").InnerTextAsync());
        Assert.Equal(0, await Stroked("#2166ac"));
        Assert.True(await Stroked("#1b7837") > 0, "the agreed segment is drawn in April 2024");
        await Chromium.ScreenshotAsync(page, "map-2024-04");
    }

    [Theory]
    [InlineData("Stepanakert")]
    [InlineData("Khankendi")]
    public async Task PlaceSearch_FindsTheSamePlaceByEitherName(string name)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(Url("/places"));
        await page.FillAsync("#q", name);
        // Wait and click together, matching the path itself (a glob reads the '?' of a query as a wildcard), so the
        // navigation cannot finish before the wait begins.
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).Query.StartsWith("?q=" + name, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("form.search button"));
        await Chromium.ScreenshotAsync(page, "places-" + name.ToLowerInvariant());

        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/places/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("article.place h2 a").First.ClickAsync());

        Assert.Equal("/places/khankendi-stepanakert", new Uri(page.Url).AbsolutePath);
        var names = await page.Locator("table.names td:first-child").AllInnerTextsAsync();
        Assert.Contains("Stepanakert", names);
        Assert.Contains("Xankəndi", names);
    }

    [Fact]
    public async Task Places_UnderAPartyPolicy_HeadWithThatPartysNameAndListTheRest()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(Url("/places/khankendi-stepanakert?naming=party:azerbaijan"));
        var azerbaijani = await page.Locator("h1").InnerTextAsync();
        await page.GotoAsync(Url("/places/khankendi-stepanakert?naming=party:armenia"));
        var armenian = await page.Locator("h1").InnerTextAsync();

        Assert.Contains("Xankəndi", azerbaijani, StringComparison.Ordinal);
        Assert.DoesNotContain("Stepanakert", azerbaijani, StringComparison.Ordinal);
        Assert.Contains("Ստեփանակերտ", armenian, StringComparison.Ordinal);
        Assert.Contains("Xankəndi", await page.Locator("table.names").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_ShowStoredMarkupAsTextAndRunNoScript()
    {
        var page = await chromium.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await page.GotoAsync(Url("/claims"));
        var card = page.Locator($"#{LiveServer.HostileClaimId}");
        await card.ScrollIntoViewIfNeededAsync();

        Assert.Equal(LiveServer.HostileStatement, await card.Locator(".statement").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".claim script, .claim img").CountAsync());
        // Give an injected handler (img onerror) time to fire, had it been parsed as markup.
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(dialogs);
        await Chromium.ScreenshotAsync(page, "claims", fullPage: false);
    }

    [Fact]
    public async Task TimelineAndIssues_NavigateByYearAndShowPositionsPerParty()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(Url("/timeline?year=2020"));
        Assert.Equal("Timeline: 2020", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("tbody tr").CountAsync() > 0);
        // Wait and click together, matching the URL itself, as the place search does.
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).Query == "?year=2021", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.ClickAsync("a[rel=next]"));
        await Chromium.ScreenshotAsync(page, "timeline");

        await page.GotoAsync(Url("/issues"));
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/issues/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("tbody a").First.ClickAsync());
        Assert.True(await page.Locator(".sides .side").CountAsync() > 1);
        await Chromium.ScreenshotAsync(page, "issue");
    }
}
