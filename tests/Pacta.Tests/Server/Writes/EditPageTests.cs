using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Pacta.Model;
using Pacta.Tests.Server.Accounts;

namespace Pacta.Tests.Server.Writes;

/// <summary>The edit and new-record pages over HTTP: who may open them, the antiforgery token, problems shown beside the form.</summary>
public sealed class EditPageTests(WritesHost host) : IClassFixture<WritesHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedIn(string name)
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await AccountsHost.SignIn(browser, name, WritesHost.Password, await AccountsHost.FormToken(browser));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    private static async Task<HttpResponseMessage> Save(HttpClient browser, string page, string text, long version, bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["Text"] = text, ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (withToken) fields["__RequestVerificationToken"] = await AccountsHost.FormToken(browser, page);
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(page, UriKind.Relative), form, Cancel);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_viewers_are_refused()
    {
        var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var response = await anonymous.GetAsync(new Uri("/edit/actors/armenia", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
        }
        var viewer = await SignedIn("vic");
        using (var response = await viewer.GetAsync(new Uri("/edit/actors/armenia", UriKind.Relative), Cancel))
            Assert.Equal("/status/403", response.Headers.Location?.AbsolutePath);
        var page = await viewer.GetStringAsync(new Uri("/documents/ceasefire-agreement-1994-05-12", UriKind.Relative), Cancel);
        Assert.DoesNotContain("/edit/documents/", page, StringComparison.Ordinal);
        Assert.Contains("/history/ceasefire-agreement-1994-05-12", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_creates_a_record_through_the_new_form_and_a_post_without_the_antiforgery_token_writes_nothing()
    {
        var browser = await SignedIn("cora");
        var page = await browser.GetStringAsync(new Uri("/edit/claims", UriKind.Relative), Cancel);
        Assert.Contains("New claim", page, StringComparison.Ordinal);
        Assert.Contains("/edit/claims\">New claim", await browser.GetStringAsync(new Uri("/edit", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var claim = new JsonObject
        {
            ["id"] = "claim-from-the-form", ["subject"] = "armenia", ["asserter"] = "azerbaijan", ["stance"] = "disputes",
            ["statement"] = "A claim typed into the form.", ["credibility"] = 5, ["sources"] = new JsonArray("pax-2324"),
        };

        using (var forged = await Save(browser, "/edit/claims", claim.ToJsonString(), 0, withToken: false))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(host.Store.Find(new RecordId("claim-from-the-form")));

        using var saved = await Save(browser, "/edit/claims", claim.ToJsonString(), 0);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/claims#claim-from-the-form", saved.Headers.Location?.OriginalString);
        var change = Assert.Single(host.Store.History(new RecordId("claim-from-the-form")));
        Assert.Equal(("cora", "web"), (change.Author, change.Command));
    }

    [Fact]
    public async Task Problems_are_listed_with_their_paths_in_an_error_summary_and_nothing_is_written()
    {
        var browser = await SignedIn("cora");
        var before = host.Store.FindVersioned(new RecordId("azerbaijan"))!;
        var text = Pacta.Json.Shapes.Record(before.Record).AsObject();
        text["name"] = "";
        text["sources"] = new JsonArray("no-such-source");

        using var response = await Save(browser, "/edit/actors/azerbaijan", text.ToJsonString(), before.Version);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("class=\"error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>$.name</code>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        using var malformed = await Save(browser, "/edit/actors/azerbaijan", "{\"id\": ", before.Version);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("The text is not JSON.", await malformed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(before.Version, host.Store.FindVersioned(new RecordId("azerbaijan"))!.Version);
    }
}
