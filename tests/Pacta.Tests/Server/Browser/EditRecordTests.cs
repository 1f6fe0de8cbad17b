using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pacta.Model;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Tests.Server.Browser;

/// <summary>A contributor edits a record through the form in a real browser; a reviewer publishes the draft; the change shows on its page and in its history.</summary>
public sealed class EditRecordTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Password = "browser-test-password";
    private const string DocumentId = "ceasefire-agreement-1994-05-12";

    private string Url(string path) => new Uri(chromium.Server.Address, path).ToString();

    private async Task SignIn(IPage page, string name, string returnUrl)
    {
        await page.GotoAsync(Url("/login?returnUrl=" + returnUrl));
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync(Password);
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("form.sign-in button[type=submit]").ClickAsync());
    }

    [Fact]
    public async Task A_contributors_edit_is_a_draft_until_a_reviewer_publishes_it_and_its_history_names_both()
    {
        var page = await chromium.NewPageAsync();
        using (var store = SqliteStore.Open(chromium.Server.DatabasePath))
        {
            store.AddUser("cara", Role.Contributor, Password, new ChangeContext("tests", "browser tests"));
            store.AddUser("rhea", Role.Reviewer, Password, new ChangeContext("tests", "browser tests"));
        }

        await page.GotoAsync(Url("/documents/" + DocumentId));
        Assert.Equal(0, await page.Locator(".record-actions a", new() { HasText = "Edit" }).CountAsync());
        var publishedNote = await page.Locator("p.note").AllInnerTextsAsync();
        await SignIn(page, "cara", "/documents/" + DocumentId);

        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/edit/documents/{DocumentId}", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator(".record-actions a", new() { HasText = "Edit" }).ClickAsync());
        var text = page.GetByLabel("The document as JSON");
        var record = JsonNode.Parse(await text.InputValueAsync())!.AsObject();
        const string note = "Edited in the browser: <b>not bold</b> & checked.";
        record["note"] = note;
        await text.FillAsync(record.ToJsonString());
        await Chromium.ScreenshotAsync(page, "edit-document", fullPage: false);
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/drafts/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync());
        var draftPath = new Uri(page.Url).AbsolutePath;
        var number = draftPath["/drafts/".Length..];
        Assert.Contains($"Saved as draft {number}; a reviewer other than you will publish it", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).CountAsync());

        // The public page still shows the published text, to everyone.
        var visitor = await chromium.NewPageAsync();
        await visitor.GotoAsync(Url("/documents/" + DocumentId));
        Assert.Equal(publishedNote, await visitor.Locator("p.note").AllInnerTextsAsync());
        Assert.DoesNotContain(note, await visitor.ContentAsync(), StringComparison.Ordinal);

        var reviewer = await chromium.NewPageAsync();
        await SignIn(reviewer, "rhea", "/drafts");
        await Task.WhenAll(
            reviewer.WaitForURLAsync(url => new Uri(url).AbsolutePath == draftPath, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            reviewer.GetByRole(AriaRole.Link, new() { Name = $"Draft {number}", Exact = true }).ClickAsync());
        Assert.Contains("$.note", await reviewer.Locator("table.diff").InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(reviewer, "review-draft", fullPage: true);
        await Task.WhenAll(
            reviewer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/documents/" + DocumentId, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            reviewer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync());

        Assert.Equal(note, await reviewer.Locator("p.note").First.InnerTextAsync());
        await Task.WhenAll(
            reviewer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/history/" + DocumentId, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            reviewer.Locator(".record-actions a", new() { HasText = "History" }).ClickAsync());
        var newest = reviewer.Locator("table.history tbody tr").First;
        Assert.Equal(["cara", "web", $"updated — draft {number} by cara, published by rhea"], (await newest.Locator("td").AllInnerTextsAsync()).Skip(1));
        Assert.Contains("$.note", await reviewer.Locator("table.history tr.history-diff").First.InnerTextAsync(), StringComparison.Ordinal);
        using (var store = SqliteStore.Open(chromium.Server.DatabasePath))
            Assert.Equal(note, store.Find(new RecordId(DocumentId))!.Note);
    }

    [Fact]
    public async Task A_form_opened_before_someone_else_saved_is_refused_with_who_and_when_and_writes_nothing()
    {
        var page = await chromium.NewPageAsync();
        using (var store = SqliteStore.Open(chromium.Server.DatabasePath))
            store.AddUser("cleo", Role.Contributor, Password, new ChangeContext("tests", "browser tests"));
        await page.GotoAsync(Url("/login?returnUrl=/edit/actors/armenia"));
        await page.Locator("#name").FillAsync("cleo");
        await page.Locator("#password").FillAsync(Password);
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/edit/actors/armenia", new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("form.sign-in button[type=submit]").ClickAsync());
        var text = page.GetByLabel("The actor as JSON");
        var mine = JsonNode.Parse(await text.InputValueAsync())!.AsObject();
        mine["note"] = "Cleo's edit, from the version she opened.";
        await text.FillAsync(mine.ToJsonString());

        // Meanwhile another editor saves the same record.
        using (var store = SqliteStore.Open(chromium.Server.DatabasePath))
        {
            var opened = store.FindVersioned(new RecordId("armenia"))!;
            var theirs = Pacta.Json.Shapes.Record(opened.Record);
            theirs["note"] = "Someone else's edit.";
            store.Write(theirs.Deserialize<Actor>(Pacta.Json.PactaJson.Options)!, new ChangeContext("dana", "api"), opened.Version);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("dana changed this actor at", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Someone else's edit.", await page.Locator("pre.current-record").InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "edit-conflict", fullPage: true);
        using (var store = SqliteStore.Open(chromium.Server.DatabasePath))
            Assert.Equal("Someone else's edit.", store.Find(new RecordId("armenia"))!.Note);
    }
}
