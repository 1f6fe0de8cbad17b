using Microsoft.Playwright;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Tests.Server.Browser;

/// <summary>Signing in and out through the pages in a real browser: the form, the cookie, the name in the header.</summary>
public sealed class SignInTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Password = "browser-test-password";

    private string Url(string path) => new Uri(chromium.Server.Address, path).ToString();

    [Fact]
    public async Task Signing_in_through_the_form_shows_the_name_in_the_header_until_signing_out()
    {
        var page = await chromium.NewPageAsync();
        using (var store = SqliteStore.Open(chromium.Server.DatabasePath))
            store.AddUser("bea", Role.Reviewer, Password, new ChangeContext("tests", "browser tests"));

        await page.GotoAsync(Url("/documents"));
        // Each navigation is awaited together with the click that starts it, matching the URL itself (as WebAppTests do).
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("header .account a.sign-in").ClickAsync());
        await page.Locator("#name").FillAsync("bea");
        await page.Locator("#password").FillAsync("not-her-password");
        await page.Locator("form.sign-in button[type=submit]").ClickAsync();
        Assert.Equal("The user name or the password is wrong.", await page.Locator(".sign-in-failure").InnerTextAsync());
        Assert.Equal(0, await page.Locator("header .account .who").CountAsync());

        await page.Locator("#password").FillAsync(Password);
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("form.sign-in button[type=submit]").ClickAsync());

        Assert.Equal("bea", await page.Locator("header .account .who").InnerTextAsync());
        Assert.Equal("reviewer", await page.Locator("header .account .role").InnerTextAsync());
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "pacta.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        await Chromium.ScreenshotAsync(page, "signed-in", fullPage: false);

        await page.Locator("header .account button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("header .account a.sign-in");
        Assert.Equal(0, await page.Locator("header .account .who").CountAsync());
    }
}
