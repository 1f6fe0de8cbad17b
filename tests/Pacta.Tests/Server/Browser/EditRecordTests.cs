using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pacta.Model;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Tests.Server.Browser;

/// <summary>A contributor edits a record through the form in a real browser; the change shows on its page and in its history.</summary>
public sealed class EditRecordTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Password = "browser-test-password";
    private const string DocumentId = "ceasefire-agreement-1994-05-12";

    private string Url(string path) => new Uri(chromium.Server.Address, path).ToString();

    [Fact]
    public async Task A_contributor_edits_a_document_through_the_form_and_sees_it_on_the_page_and_in_its_history()
    {
        var page = await chromium.NewPageAsync();
        using (var store = SqliteStore.Open(chromium.Server.DatabasePath))
            store.AddUser("cara", Role.Contributor, Password, new ChangeContext("tests", "browser tests"));

        await page.GotoAsync(Url("/documents/" + DocumentId));
        Assert.Equal(0, await page.Locator(".record-actions a", new() { HasText = "Edit" }).CountAsync());
        await page.GotoAsync(Url("/login?returnUrl=/documents/" + DocumentId));
        await page.Locator("#name").FillAsync("cara");
        await page.Locator("#password").FillAsync(Password);
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/documents/" + DocumentId, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator("form.sign-in button[type=submit]").ClickAsync());

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
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/documents/" + DocumentId, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync());

        Assert.Equal(note, await page.Locator("p.note").First.InnerTextAsync());
        await Task.WhenAll(
            page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/history/" + DocumentId, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator(".record-actions a", new() { HasText = "History" }).ClickAsync());
        var newest = page.Locator("table.history tbody tr").First;
        Assert.Equal(["cara", "web", "updated"], (await newest.Locator("td").AllInnerTextsAsync()).Skip(1));
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
