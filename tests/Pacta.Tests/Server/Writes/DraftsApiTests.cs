using System.Net;
using System.Text.Json.Nodes;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Tests.Server.Writes;

/// <summary>
/// The review workflow over HTTP: a contribution is a draft, seen by its author and reviewers alone, until a reviewer
/// other than its author publishes it; stale, decided and foreign drafts are refused and change nothing.
/// </summary>
public abstract class DraftsApi(WritesHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client => host.CreateClient();

    private void RequireStore()
    {
        if (host.Unavailable is { } why) Assert.Skip(why);
    }

    private static JsonObject NewClaim(string id, string statement) => new()
    {
        ["id"] = id, ["subject"] = "armenia", ["asserter"] = "azerbaijan", ["stance"] = "disputes",
        ["statement"] = statement, ["credibility"] = 5, ["sources"] = new JsonArray("pax-2324"),
    };

    private static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<long> Propose(string token, HttpMethod method, string url, JsonNode body, string? ifMatch = null)
    {
        using var response = await WritesHost.Send(Client, method, url, token, body, ifMatch);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancel));
        return WritesHost.DraftNumber(response);
    }

    private async Task<(JsonObject Body, string ETag)> Read(string url)
    {
        using var response = await WritesHost.Send(Client, HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await WritesHost.Json(response)).AsObject(), response.Headers.ETag!.ToString());
    }

    /// <summary>An actor of the test's own, published, with a note: its ETag.</summary>
    private async Task<string> PublishedActor(string id)
    {
        var actor = new JsonObject
        {
            ["id"] = id, ["kind"] = "body", ["name"] = "Drafts Test Body", ["roles"] = new JsonArray(), ["sources"] = new JsonArray("pax-2324"),
            ["note"] = "The published note.",
        };
        using (var published = await host.SubmitAndPublish(Client, HttpMethod.Post, "/api/v1/actors", actor)) Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (await Read($"/api/v1/actors/{id}")).ETag;
    }

    private async Task<long> ProposeNote(string token, string id, string note, string etag)
    {
        var (body, _) = await Read($"/api/v1/actors/{id}");
        body["note"] = note;
        return await Propose(token, HttpMethod.Put, $"/api/v1/actors/{id}", body, etag);
    }

    [Fact]
    public async Task A_draft_is_in_no_read_of_the_records_until_published_and_in_every_one_after()
    {
        RequireStore();
        const string id = "claim-drafted-then-published";
        const string statement = "A statement that waits for review.";
        var number = await Propose(host.ContributorToken, HttpMethod.Post, "/api/v1/claims", NewClaim(id, statement));

        using (var one = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/claims/{id}")) Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.DoesNotContain(statement, await Client.GetStringAsync(new Uri("/api/v1/claims", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(statement, await Client.GetStringAsync(new Uri("/claims", UriKind.Relative), Cancel), StringComparison.Ordinal);
        using (var draft = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.ContributorToken))
        {
            var shown = await WritesHost.Json(draft);
            Assert.Equal((statement, 0L, "$"), ((string?)shown["record"]!["statement"], (long)shown["publishedVersion"]!, (string?)shown["changes"]![0]!["path"]));
        }

        using (var published = await host.Publish(Client, number)) Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        using (var one = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/claims/{id}")) Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Contains(statement, await Client.GetStringAsync(new Uri("/api/v1/claims", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var page = await Client.GetStringAsync(new Uri("/claims", UriKind.Relative), Cancel);
        Assert.Contains(statement, page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/history/{id}\">Edit history</a>: never changed since it was recorded", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_cannot_publish_their_own_draft_even_as_reviewer_or_admin_a_contributor_cannot_publish_and_another_reviewer_can()
    {
        RequireStore();
        var etag = await PublishedActor("drafts-test-own");
        var byReviewer = await ProposeNote(host.ReviewerToken, "drafts-test-own", "rita's own note", etag);
        var byAdmin = await ProposeNote(host.AdminToken, "drafts-test-own", "ada's own note", etag);

        var own = await Problem(await host.Publish(Client, byReviewer, host.ReviewerToken), HttpStatusCode.Forbidden);
        Assert.Contains("a reviewer other than its author publishes it", (string?)own["detail"], StringComparison.Ordinal);
        await Problem(await host.Publish(Client, byAdmin, host.AdminToken), HttpStatusCode.Forbidden);
        await Problem(await host.Publish(Client, byAdmin, host.ContributorToken), HttpStatusCode.Forbidden);
        await Problem(await host.Publish(Client, byAdmin, host.OtherContributorToken), HttpStatusCode.Forbidden);
        Assert.Equal("The published note.", host.Records.Find(new RecordId("drafts-test-own"))!.Note);

        using var published = await host.Publish(Client, byAdmin, host.ReviewerToken);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("ada's own note", host.Records.Find(new RecordId("drafts-test-own"))!.Note);
        var change = host.Records.History(new RecordId("drafts-test-own"))[^1];
        Assert.Equal(("ada", $"draft {byAdmin} by ada, published by rita"), (change.Author, change.Reason));
    }

    [Fact]
    public async Task Someone_elses_draft_is_a_404_to_another_contributor_and_a_401_to_the_anonymous()
    {
        RequireStore();
        var etag = await PublishedActor("drafts-test-private");
        var number = await ProposeNote(host.ContributorToken, "drafts-test-private", "cora's private note", etag);
        var missing = await Problem(await WritesHost.Send(Client, HttpMethod.Get, "/api/v1/drafts/987654", host.OtherContributorToken), HttpStatusCode.NotFound);

        var foreign = await Problem(await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.OtherContributorToken), HttpStatusCode.NotFound);

        Assert.Equal((string?)missing["title"], (string?)foreign["title"]);
        Assert.Equal(((string?)missing["detail"])!.Replace("987654", $"{number}", StringComparison.Ordinal), (string?)foreign["detail"]);
        await Problem(await WritesHost.Send(Client, HttpMethod.Post, $"/api/v1/drafts/{number}/withdraw", host.OtherContributorToken), HttpStatusCode.NotFound);
        await Problem(await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}"), HttpStatusCode.Unauthorized);
        await Problem(await WritesHost.Send(Client, HttpMethod.Get, "/api/v1/drafts"), HttpStatusCode.Unauthorized);
        await Problem(await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.ViewerToken), HttpStatusCode.Forbidden);
        using (var list = await WritesHost.Send(Client, HttpMethod.Get, "/api/v1/drafts?state=all", host.OtherContributorToken))
            Assert.DoesNotContain((await WritesHost.Json(list)).AsArray(), d => (long)d!["number"]! == number);
        using (var list = await WritesHost.Send(Client, HttpMethod.Get, "/api/v1/drafts", host.ReviewerToken))
            Assert.Contains((await WritesHost.Json(list)).AsArray(), d => (long)d!["number"]! == number);
        using (var own = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.ContributorToken))
            Assert.Equal(["$.note"], (await WritesHost.Json(own))["changes"]!.AsArray().Select(c => (string?)c!["path"]));
        await Problem(await WritesHost.Send(Client, HttpMethod.Get, "/api/v1/drafts?state=lost", host.ContributorToken), HttpStatusCode.BadRequest);
        Assert.True(host.Records.FindDraft(number)!.Pending);
    }

    [Fact]
    public async Task A_decided_draft_cannot_be_decided_again_and_a_rejection_or_withdrawal_changes_no_record()
    {
        RequireStore();
        var etag = await PublishedActor("drafts-test-decided");
        var rejected = await ProposeNote(host.ContributorToken, "drafts-test-decided", "to be rejected", etag);
        var withdrawn = await ProposeNote(host.ContributorToken, "drafts-test-decided", "to be withdrawn", etag);
        var head = host.Records.AuditHead();

        await Problem(await WritesHost.Send(Client, HttpMethod.Post, $"/api/v1/drafts/{rejected}/reject", host.ReviewerToken, new JsonObject { ["reason"] = " " }),
            HttpStatusCode.UnprocessableEntity);
        using (var reject = await WritesHost.Send(Client, HttpMethod.Post, $"/api/v1/drafts/{rejected}/reject", host.ReviewerToken, new JsonObject { ["reason"] = "No source." }))
        {
            Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
            Assert.Equal(("rejected", "No source."), ((string?)(await WritesHost.Json(reject))["state"], (string?)(await WritesHost.Json(reject))["reason"]));
        }
        await Problem(await WritesHost.Send(Client, HttpMethod.Post, $"/api/v1/drafts/{withdrawn}/withdraw", host.ReviewerToken), HttpStatusCode.Forbidden);
        using (var withdraw = await WritesHost.Send(Client, HttpMethod.Post, $"/api/v1/drafts/{withdrawn}/withdraw", host.ContributorToken))
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);

        await Problem(await host.Publish(Client, rejected), HttpStatusCode.Conflict);
        await Problem(await WritesHost.Send(Client, HttpMethod.Post, $"/api/v1/drafts/{rejected}/reject", host.AdminToken, new JsonObject { ["reason"] = "again" }),
            HttpStatusCode.Conflict);
        await Problem(await WritesHost.Send(Client, HttpMethod.Post, $"/api/v1/drafts/{rejected}/withdraw", host.ContributorToken), HttpStatusCode.Conflict);
        await Problem(await host.Publish(Client, withdrawn, host.AdminToken), HttpStatusCode.Conflict);

        Assert.Equal(head, host.Records.AuditHead());
        var stored = host.Records.FindVersioned(new RecordId("drafts-test-decided"))!;
        Assert.Equal((1L, "The published note."), (stored.Version, stored.Record.Note));
        Assert.Equal(DraftState.Rejected, host.Records.FindDraft(rejected)!.State);
        Assert.Equal(DraftState.Withdrawn, host.Records.FindDraft(withdrawn)!.State);
    }

    [Fact]
    public async Task A_stale_draft_is_a_412_at_publication_and_nothing_is_written_and_the_chain_stays_intact()
    {
        RequireStore();
        var etag = await PublishedActor("drafts-test-stale");
        var first = await ProposeNote(host.ContributorToken, "drafts-test-stale", "first", etag);
        var second = await ProposeNote(host.OtherContributorToken, "drafts-test-stale", "second", etag);
        using (var published = await host.Publish(Client, first)) Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var head = host.Records.AuditHead();

        using var stale = await host.Publish(Client, second, host.AdminToken);

        var problem = await Problem(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal((2L, "cora"), ((long?)problem["currentVersion"], (string?)problem["changedBy"]));
        Assert.Contains($"draft {second} is stale", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(head, host.Records.AuditHead());
        Assert.Equal("first", host.Records.Find(new RecordId("drafts-test-stale"))!.Note);
        Assert.True(host.Records.FindDraft(second)!.Pending);
        using (var shown = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{second}", host.OtherContributorToken))
            Assert.True((bool)(await WritesHost.Json(shown))["stale"]!);
        var audit = host.Records.VerifyAudit();
        Assert.True(audit.Intact, string.Join("; ", audit.Breaks));
    }

    [Fact]
    public async Task A_contributors_draft_of_a_record_with_a_restricted_field_never_shows_it_and_publishing_keeps_its_value()
    {
        RequireStore();
        const string id = "drafts-test-restricted-note";
        const string secret = "Witness name 7f3c: kept from contributors.";
        var actor = new JsonObject
        {
            ["id"] = id, ["kind"] = "body", ["name"] = "Drafts Restricted Body", ["roles"] = new JsonArray(), ["sources"] = new JsonArray("pax-2324"),
            ["note"] = secret, ["restrictedFields"] = new JsonArray("note"),
        };
        // A reviewer may mark: their draft, published by an admin, puts the marked record in the store.
        var marked = await Propose(host.ReviewerToken, HttpMethod.Post, "/api/v1/actors", actor);
        using (var published = await host.Publish(Client, marked, host.AdminToken)) Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        using var seen = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/actors/{id}", host.ContributorToken);
        var body = (await WritesHost.Json(seen)).AsObject();
        Assert.DoesNotContain(secret, body.ToJsonString(), StringComparison.Ordinal);
        body["name"] = "Drafts Restricted Body, renamed";
        var number = await Propose(host.ContributorToken, HttpMethod.Put, $"/api/v1/actors/{id}", body, seen.Headers.ETag!.ToString());

        foreach (var url in new[] { $"/api/v1/drafts/{number}", "/api/v1/drafts" })
        {
            using var shown = await WritesHost.Send(Client, HttpMethod.Get, url, host.ContributorToken);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.DoesNotContain(secret, await shown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        using (var forReviewer = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.ReviewerToken))
            Assert.Contains("renamed", await forReviewer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using (var published = await host.Publish(Client, number)) Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var stored = host.Records.Find(new RecordId(id))!;
        Assert.Equal((secret, "Drafts Restricted Body, renamed"), (stored.Note, ((Actor)stored).Name));
    }
}

/// <summary>The review workflow over HTTP on a SQLite file.</summary>
public sealed class DraftsApiTests(WritesHost host) : DraftsApi(host), IClassFixture<WritesHost>;

/// <summary>The review workflow over HTTP on a PostgreSQL database.</summary>
public sealed class PostgresDraftsApiTests(PostgresWritesHost host) : DraftsApi(host), IClassFixture<PostgresWritesHost>;
