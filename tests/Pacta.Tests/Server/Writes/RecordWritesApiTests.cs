using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Tests.Server.Writes;

/// <summary>
/// Contributing records over HTTP: each kept as a draft (202) until a reviewer publishes it; ETag and If-Match against the
/// published version, validation as problem details, roles.
/// </summary>
public sealed class RecordWritesApiTests(WritesHost host) : IClassFixture<WritesHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client => host.CreateClient();

    private static JsonObject NewActor(string id, string name = "Test Commission") => new()
    {
        ["id"] = id,
        ["kind"] = "body",
        ["name"] = name,
        ["roles"] = new JsonArray(),
        ["sources"] = new JsonArray("pax-2324"),
    };

    private static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    private static List<string> ErrorPaths(JsonObject problem) => problem["errors"]!.AsObject().Select(e => e.Key).ToList();

    private async Task<(JsonObject Body, string ETag)> Read(string url)
    {
        using var response = await WritesHost.Send(Client, HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await WritesHost.Json(response)).AsObject(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_contributor_proposes_a_record_and_gets_202_with_the_drafts_location_and_a_reviewer_publishes_it()
    {
        using var response = await WritesHost.Send(Client, HttpMethod.Post, "/api/v1/actors", host.ContributorToken, NewActor("test-commission-created"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var number = WritesHost.DraftNumber(response);
        var draft = await WritesHost.Json(response);
        Assert.Equal((number, "pending", "cora", 0L, "Test Commission"),
            ((long)draft["number"]!, (string?)draft["state"], (string?)draft["author"], (long)draft["baseVersion"]!, (string?)draft["record"]!["name"]));
        Assert.Null(host.Store.FindVersioned(new RecordId("test-commission-created")));
        Assert.Empty(host.Store.History(new RecordId("test-commission-created")));

        using var published = await host.Publish(Client, number);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(("published", "rita"), ((string?)(await WritesHost.Json(published))["state"], (string?)(await WritesHost.Json(published))["decidedBy"]));
        var stored = host.Store.FindVersioned(new RecordId("test-commission-created"))!;
        Assert.Equal("Test Commission", ((Actor)stored.Record).Name);
        var change = Assert.Single(host.Store.History(stored.Record.Id));
        Assert.Equal(("cora", "api", ChangeOperation.Created), (change.Author, change.Command, change.Operation));
        Assert.Equal($"draft {number} by cora, published by rita", change.Reason);
        var (body, etag) = await Read("/api/v1/actors/test-commission-created");
        Assert.Equal("\"1\"", etag);
        Assert.False(EntityTagHeaderValue.Parse(etag).IsWeak);
        Assert.Equal("Test Commission", (string?)body["name"]);
    }

    [Theory]
    [InlineData("documents", "ceasefire-agreement-1994-05-12")]
    [InlineData("actors", "armenia")]
    [InlineData("sources", "pax-2324")]
    [InlineData("places", "tavush")]
    [InlineData("events", "unification-movement-1987-1991")]
    [InlineData("meetings", "meeting-1994-05-05-bishkek")]
    [InlineData("claims", "claim-peacekeepers-1960-russia")]
    [InlineData("issues", "karabakh-status")]
    [InlineData("assessments", "assess-ts2020-art6-safe-passage-2023-04-23")]
    [InlineData("topics", "detainee-status-after-ceasefire")]
    public async Task Get_of_one_record_of_every_kind_gives_its_stored_version_as_a_strong_etag(string kind, string id)
    {
        using var response = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/{kind}/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = host.Store.FindVersioned(new RecordId(id))!.Version;
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.ToString());
        Assert.Equal(id, (string?)(await WritesHost.Json(response))["id"]);
    }

    [Fact]
    public async Task A_replacement_with_the_current_etag_is_a_draft_and_published_with_a_new_version_and_history()
    {
        await Created(NewActor("test-commission-edited"));
        var (body, etag) = await Read("/api/v1/actors/test-commission-edited");
        body["note"] = "Renamed after review.";

        using var response = await WritesHost.Send(Client, HttpMethod.Put, "/api/v1/actors/test-commission-edited", host.ContributorToken, body, etag);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var draft = await WritesHost.Json(response);
        Assert.Equal(1L, (long)draft["baseVersion"]!);
        Assert.Equal(["$.note"], draft["changes"]!.AsArray().Select(c => (string?)c!["path"]));
        Assert.Null(host.Store.Find(new RecordId("test-commission-edited"))!.Note);
        using var published = await host.Publish(Client, WritesHost.DraftNumber(response));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var (after, newTag) = await Read("/api/v1/actors/test-commission-edited");
        Assert.Equal("\"2\"", newTag);
        Assert.Equal("Renamed after review.", (string?)after["note"]);
        var history = host.Store.History(new RecordId("test-commission-edited"));
        Assert.Equal([ChangeOperation.Created, ChangeOperation.Updated], history.Select(c => c.Operation));
        Assert.Equal(("cora", "api"), (history[1].Author, history[1].Command));
        Assert.Contains("published by rita", history[1].Reason, StringComparison.Ordinal);
        Assert.Contains("Renamed after review.", history[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replacement_with_a_stale_etag_is_a_412_and_writes_nothing()
    {
        await Created(NewActor("test-commission-stale"));
        var (first, staleTag) = await Read("/api/v1/actors/test-commission-stale");
        first["note"] = "The first editor's change.";
        using (var winner = await host.SubmitAndPublish(Client, HttpMethod.Put, "/api/v1/actors/test-commission-stale", first, staleTag))
            Assert.Equal(HttpStatusCode.OK, winner.StatusCode);
        var drafts = host.Store.Drafts().Count;
        var before = host.Store.FindVersioned(new RecordId("test-commission-stale"))!;
        var historyBefore = host.Store.History(before.Record.Id).Count;
        var second = first.DeepClone();
        second["note"] = "The second editor's change, from the old version.";

        using var response = await WritesHost.Send(Client, HttpMethod.Put, "/api/v1/actors/test-commission-stale", host.ContributorToken, second, staleTag);

        var problem = await Problem(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, (long?)problem["currentVersion"]);
        Assert.Equal("cora", (string?)problem["changedBy"]);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        var after = host.Store.FindVersioned(before.Record.Id)!;
        Assert.Equal((before.Version, "The first editor's change."), (after.Version, after.Record.Note));
        Assert.Equal(historyBefore, host.Store.History(before.Record.Id).Count);
        Assert.Equal(drafts, host.Store.Drafts().Count);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.PreconditionRequired)]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"not-a-version\"", HttpStatusCode.PreconditionFailed)]
    public async Task A_replacement_without_a_usable_if_match_is_refused_and_writes_nothing(string? ifMatch, HttpStatusCode status)
    {
        var id = "test-commission-unmatched-" + (int)status + (ifMatch?.Length ?? 0);
        await Created(NewActor(id));
        var body = NewActor(id, "Changed Without Looking");

        using var response = await WritesHost.Send(Client, HttpMethod.Put, $"/api/v1/actors/{id}", host.ContributorToken, body, ifMatch);

        await Problem(response, status);
        var stored = host.Store.FindVersioned(new RecordId(id))!;
        Assert.Equal(("Test Commission", 1L), (((Actor)stored.Record).Name, stored.Version));
    }

    [Fact]
    public async Task An_invalid_body_is_a_422_naming_each_problem_at_its_json_path()
    {
        var emptyName = NewActor("test-invalid-name");
        emptyName["name"] = "  ";
        var badRole = NewActor("test-invalid-role");
        badRole["roles"] = new JsonArray(new JsonObject { ["title"] = "Chair", ["from"] = "2020-05-01", ["to"] = "2019" });
        var unknownKey = NewActor("test-invalid-key");
        unknownKey["colour"] = "blue";
        var dangling = NewActor("test-invalid-refs");
        dangling["sources"] = new JsonArray("pax-2324", "no-such-source", "armenia");
        dangling["partOf"] = "no-such-actor";

        Assert.Equal(["$.name"], ErrorPaths(await Problem(await Post(emptyName), HttpStatusCode.UnprocessableEntity)));
        Assert.Equal(["$.roles[0].to"], ErrorPaths(await Problem(await Post(badRole), HttpStatusCode.UnprocessableEntity)));
        var unknown = await Problem(await Post(unknownKey), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("unknown key 'colour'", unknown["errors"]!["$.colour"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var refs = await Problem(await Post(dangling), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.sources[1]", "$.sources[2]", "$.partOf"], ErrorPaths(refs));
        Assert.Contains("is an actor, but a source is expected", refs["errors"]!["$.sources[2]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var id in new[] { "test-invalid-name", "test-invalid-role", "test-invalid-key", "test-invalid-refs" })
            Assert.Null(host.Store.Find(new RecordId(id)));
        Assert.DoesNotContain(host.Store.Drafts(), d => d.RecordId.Value.StartsWith("test-invalid-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_another_media_type_a_415()
    {
        var malformed = await Problem(await WritesHost.Send(Client, HttpMethod.Post, "/api/v1/actors", host.ContributorToken, rawBody: "{\"id\": \"x-y\",\n \"name\": }"),
            HttpStatusCode.BadRequest);
        Assert.Contains("line 2", (string?)malformed["detail"], StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/actors") { Content = new StringContent("id: x", System.Text.Encoding.UTF8, "text/yaml") };
        request.Headers.Authorization = new("Bearer", host.ContributorToken);
        await Problem(await Client.SendAsync(request, Cancel), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_of_another_kind_or_id_than_the_address_is_a_400()
    {
        var (meeting, meetingTag) = await Read("/api/v1/meetings/meeting-1994-05-05-bishkek");
        var asEvent = await Problem(await WritesHost.Send(Client, HttpMethod.Put, "/api/v1/events/meeting-1994-05-05-bishkek", host.ContributorToken, meeting, meetingTag),
            HttpStatusCode.BadRequest);
        Assert.Contains("/api/v1/meetings/meeting-1994-05-05-bishkek", (string?)asEvent["detail"], StringComparison.Ordinal);

        var meetingAsNewEvent = meeting.DeepClone().AsObject();
        meetingAsNewEvent["id"] = "test-meeting-posted-as-event";
        await Problem(await WritesHost.Send(Client, HttpMethod.Post, "/api/v1/events", host.ContributorToken, meetingAsNewEvent), HttpStatusCode.BadRequest);

        var (armenia, armeniaTag) = await Read("/api/v1/actors/armenia");
        var otherId = await Problem(await WritesHost.Send(Client, HttpMethod.Put, "/api/v1/actors/azerbaijan", host.ContributorToken, armenia, armeniaTag),
            HttpStatusCode.BadRequest);
        Assert.Equal(["$.id"], ErrorPaths(otherId));
        Assert.Equal(1, host.Store.FindVersioned(new RecordId("azerbaijan"))!.Version);
        Assert.Null(host.Store.Find(new RecordId("test-meeting-posted-as-event")));
    }

    [Fact]
    public async Task Creating_an_id_that_exists_is_a_409_and_replacing_one_that_does_not_a_404()
    {
        var taken = await Problem(await Post(NewActor("armenia", "Someone Else")), HttpStatusCode.Conflict);
        Assert.Equal(["$.id"], ErrorPaths(taken));
        Assert.Equal("Republic of Armenia", ((Actor)host.Store.Find(new RecordId("armenia"))!).Name);

        await Problem(await WritesHost.Send(Client, HttpMethod.Put, "/api/v1/actors/no-such-actor", host.ContributorToken, NewActor("no-such-actor"), "\"1\""),
            HttpStatusCode.NotFound);
        Assert.Null(host.Store.Find(new RecordId("no-such-actor")));
    }

    [Fact]
    public async Task A_document_read_with_its_derived_state_can_be_sent_back_with_an_edit()
    {
        var (document, etag) = await Read("/api/v1/documents/ceasefire-agreement-1994-05-12");
        document["note"] = "Edited through the API.";

        using var response = await host.SubmitAndPublish(Client, HttpMethod.Put, "/api/v1/documents/ceasefire-agreement-1994-05-12", document, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (Document)host.Store.Find(new RecordId("ceasefire-agreement-1994-05-12"))!;
        Assert.Equal("Edited through the API.", stored.Note);
        Assert.NotEmpty(stored.Obligations);
    }

    [Fact]
    public async Task A_document_whose_obligation_ids_another_document_holds_is_a_422_from_the_store_that_names_no_file_and_keeps_no_draft()
    {
        var drafts = host.Store.Drafts().Count;
        var (document, _) = await Read("/api/v1/documents/ceasefire-agreement-1994-05-12");
        document["id"] = "test-copy-of-the-ceasefire";

        using var response = await WritesHost.Send(Client, HttpMethod.Post, "/api/v1/documents", host.ContributorToken, document);

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem["errors"]!["$"]!.AsArray(),
            e => e!.GetValue<string>().Contains("which is an obligation of 'ceasefire-agreement-1994-05-12' already", StringComparison.Ordinal));
        Assert.DoesNotContain(".db", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(host.Store.Find(new RecordId("test-copy-of-the-ceasefire")));
        Assert.Equal(drafts, host.Store.Drafts().Count);
    }

    [Fact]
    public async Task Writing_needs_a_contributor_token_anonymous_is_401_a_viewer_403_and_a_signed_in_cookie_does_not_count()
    {
        var anonymous = await Problem(await WritesHost.Send(Client, HttpMethod.Post, "/api/v1/actors", body: NewActor("test-anonymous")), HttpStatusCode.Unauthorized);
        Assert.NotNull(anonymous["detail"]);
        await Problem(await WritesHost.Send(Client, HttpMethod.Post, "/api/v1/actors", host.ViewerToken, NewActor("test-viewer")), HttpStatusCode.Forbidden);
        await Problem(await WritesHost.Send(Client, HttpMethod.Put, "/api/v1/actors/armenia", host.ViewerToken, NewActor("armenia"), "\"1\""), HttpStatusCode.Forbidden);

        using var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var formToken = await Pacta.Tests.Server.Accounts.AccountsHost.FormToken(browser);
        using (var signIn = await Pacta.Tests.Server.Accounts.AccountsHost.SignIn(browser, "cora", WritesHost.Password, formToken))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await Problem(await WritesHost.Send(browser, HttpMethod.Post, "/api/v1/actors", body: NewActor("test-cookie")), HttpStatusCode.Unauthorized);

        foreach (var id in new[] { "test-anonymous", "test-viewer", "test-cookie" }) Assert.Null(host.Store.Find(new RecordId(id)));
        Assert.DoesNotContain(host.Store.Drafts(), d => d.RecordId.Value is "test-anonymous" or "test-viewer" or "test-cookie" || d.RecordId.Value == "armenia");
        Assert.Equal(1, host.Store.FindVersioned(new RecordId("armenia"))!.Version);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_and_writes_nothing()
    {
        var actor = NewActor("test-oversized");
        actor["note"] = new string('x', 1_100_000);

        await Problem(await Post(actor), HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(host.Store.Find(new RecordId("test-oversized")));
    }

    private Task<HttpResponseMessage> Post(JsonObject actor) => WritesHost.Send(Client, HttpMethod.Post, "/api/v1/actors", host.ContributorToken, actor);

    /// <summary>Proposes the actor as cora and has rita publish it.</summary>
    private async Task Created(JsonObject actor)
    {
        using var response = await host.SubmitAndPublish(Client, HttpMethod.Post, "/api/v1/actors", actor);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
    }
}
