using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Pacta.Model;
using Pacta.Tests.Server.Accounts;

namespace Pacta.Tests.Server.Writes;

/// <summary>The edit, new-record and draft pages over HTTP: who may open them, the antiforgery token, problems shown beside the form, who decides a draft.</summary>
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
        var draftPage = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/drafts/[0-9]+\\?saved=true$", draftPage);
        Assert.Contains("a reviewer other than you will publish it", await browser.GetStringAsync(new Uri(draftPage, UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Null(host.Store.Find(new RecordId("claim-from-the-form")));
        Assert.DoesNotContain("claim-from-the-form", await browser.GetStringAsync(new Uri("/claims", UriKind.Relative), Cancel), StringComparison.Ordinal);

        var reviewer = await SignedIn("rita");
        var number = draftPage["/drafts/".Length..draftPage.IndexOf('?', StringComparison.Ordinal)];
        using var published = await Decide(reviewer, $"/drafts/{number}", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("/claims#claim-from-the-form", published.Headers.Location?.OriginalString);
        var change = Assert.Single(host.Store.History(new RecordId("claim-from-the-form")));
        Assert.Equal(("cora", "web", $"draft {number} by cora, published by rita"), (change.Author, change.Command, change.Reason));
    }

    /// <summary>Posts one of a draft page's forms (Publish, Reject, Withdraw) with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> Decide(HttpClient browser, string page, string handler, string? reason = null, bool withToken = true)
    {
        var fields = new Dictionary<string, string>();
        if (reason is not null) fields["Reason"] = reason;
        if (withToken) fields["__RequestVerificationToken"] = await AccountsHost.FormToken(browser, page);
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri($"{page}?handler={handler}", UriKind.Relative), form, Cancel);
    }

    [Fact]
    public async Task The_draft_page_offers_each_reader_only_the_decisions_open_to_them_and_refuses_the_rest()
    {
        var author = await SignedIn("cora");
        var before = host.Store.FindVersioned(new RecordId("georgia"))!;
        var text = Pacta.Json.Shapes.Record(before.Record).AsObject();
        text["note"] = "A note from the draft page test.";
        using (var saved = await Save(author, "/edit/actors/georgia", text.ToJsonString(), before.Version))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = host.Store.Drafts(Pacta.Store.DraftState.Pending, "cora").Last(d => d.RecordId.Value == "georgia");
        var page = $"/drafts/{draft.Number}";

        var own = await author.GetStringAsync(new Uri(page, UriKind.Relative), Cancel);
        Assert.Contains("Withdraw", own, StringComparison.Ordinal);
        Assert.DoesNotContain(">Publish<", own, StringComparison.Ordinal);
        Assert.Contains("<code>$.note</code>", own, StringComparison.Ordinal);
        using (var ownPublish = await Decide(author, page, "Publish"))
            Assert.Equal(HttpStatusCode.Forbidden, ownPublish.StatusCode);

        var other = await SignedIn("cole");
        using (var hidden = await other.GetAsync(new Uri(page, UriKind.Relative), Cancel))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain($"/drafts/{draft.Number}\"", await other.GetStringAsync(new Uri("/drafts?state=all", UriKind.Relative), Cancel), StringComparison.Ordinal);

        var reviewer = await SignedIn("rita");
        var list = await reviewer.GetStringAsync(new Uri("/drafts", UriKind.Relative), Cancel);
        Assert.Contains($"/drafts/{draft.Number}\"", list, StringComparison.Ordinal);
        var reviewed = await reviewer.GetStringAsync(new Uri(page, UriKind.Relative), Cancel);
        Assert.Contains(">Publish<", reviewed, StringComparison.Ordinal);
        Assert.DoesNotContain(">Withdraw<", reviewed, StringComparison.Ordinal);
        using (var forged = await Decide(reviewer, page, "Reject", "not without a token", withToken: false))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var noReason = await Decide(reviewer, page, "Reject", "  "))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.True(host.Store.FindDraft(draft.Number)!.Pending);

        using (var rejected = await Decide(reviewer, page, "Reject", "Cite a source for the note."))
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var decided = host.Store.FindDraft(draft.Number)!;
        Assert.Equal((Pacta.Store.DraftState.Rejected, "rita", "Cite a source for the note."), (decided.State, decided.DecidedBy, decided.Reason));
        using (var again = await Decide(author, page, "Withdraw"))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before.Version, host.Store.FindVersioned(new RecordId("georgia"))!.Version);
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
