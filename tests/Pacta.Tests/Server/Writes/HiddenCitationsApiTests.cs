using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Json;
using Pacta.Model;
using Pacta.Restrictions;
using Pacta.Store;

namespace Pacta.Tests.Server.Writes;

/// <summary>
/// A contributor edits a record that cites records hidden from them (docs/accounts.md, "Restricted data"): what they read
/// and send back holds <c>restricted</c> in their place, and the draft a reviewer publishes cites the hidden records again,
/// in their places, while nothing the contributor gets ever names one. A placeholder anywhere the stored record cites no
/// hidden record is refused at its path.
/// </summary>
public abstract class HiddenCitationsApi(WritesHost host)
{
    private const string Placeholder = "restricted";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client => host.CreateClient();

    private void RequireStore()
    {
        if (host.Unavailable is { } why) Assert.Skip(why);
    }

    /// <summary>
    /// The records one test owns: two hidden sources and two hidden actors (restricted as a whole, written by someone who
    /// may), and an open event citing them among visible ones: sources <c>[a, H1, b, H2]</c>, actors <c>[x, HA, HB]</c>.
    /// </summary>
    private sealed record Case(string Event, Dictionary<string, string> Ids)
    {
        public IReadOnlyList<string> Secrets => [Ids["H1"], Ids["H2"], Ids["HA"], Ids["HB"]];

        /// <summary>Ids for the letters of a case (<c>"a P b"</c>), the placeholder for <c>P</c>.</summary>
        public JsonArray Written(string letters) =>
            new([.. letters.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonNode)(l == "P" ? Placeholder : Ids[l]))]);

        public IReadOnlyList<string> Expected(string letters) => [.. letters.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => Ids[l])];
    }

    private Case Seed(string name)
    {
        var records = host.Records;
        var visibleSources = records.All<Source>().Where(s => !s.Restricted).Take(3).Select(s => s.Id.Value).ToList();
        var visibleActors = records.All<Actor>().Where(a => !a.Restricted).Take(2).Select(a => a.Id.Value).ToList();
        var ids = new Dictionary<string, string>
        {
            ["a"] = visibleSources[0], ["b"] = visibleSources[1], ["c"] = visibleSources[2], ["x"] = visibleActors[0], ["y"] = visibleActors[1],
            ["H1"] = $"{name}-zq7-hidden-source-1", ["H2"] = $"{name}-zq7-hidden-source-2",
            ["HA"] = $"{name}-zq7-hidden-actor-a", ["HB"] = $"{name}-zq7-hidden-actor-b",
        };
        var hidden = new List<IRecord>
        {
            Hidden(records.All<Source>()[0], ids["H1"]), Hidden(records.All<Source>()[0], ids["H2"]),
            Hidden(records.All<Actor>()[0], ids["HA"]), Hidden(records.All<Actor>()[0], ids["HB"]),
        };
        var original = records.All<Event>().First(e => e.Meeting is null && e.Actors.Count > 0 && e.Origins is null && !e.Id.Value.StartsWith("hc-", StringComparison.Ordinal));
        var json = Node(original);
        json["id"] = $"{name}-event";
        json["sources"] = new JsonArray(ids["a"], ids["H1"], ids["b"], ids["H2"]);
        var item = json["actors"]!.AsArray()[0]!;
        json["actors"] = new JsonArray([.. new[] { "x", "HA", "HB" }.Select(l => (JsonNode)ActorItem(item, ids[l]))]);
        // Outside a request the server's store reads and writes everything, as a reviewer's published drafts would.
        records.Write([.. hidden, json.Deserialize<Event>(PactaJson.Options)!], new ChangeContext("tests", "hidden citations"));
        return new Case($"{name}-event", ids);
    }

    private static JsonObject ActorItem(JsonNode like, string actor)
    {
        var item = like.DeepClone().AsObject();
        item["actor"] = actor;
        return item;
    }

    private static IRecord Hidden(IRecord like, string id)
    {
        var json = Node(like);
        json["id"] = id;
        json["restricted"] = true;
        return (IRecord)json.Deserialize(like.GetType(), PactaJson.Options)!;
    }

    private static JsonObject Node(IRecord record) => (JsonObject)JsonSerializer.SerializeToNode(record, record.GetType(), PactaJson.Options)!;

    private static void Hides(Case c, string text)
    {
        foreach (var secret in c.Secrets) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    /// <summary>The event as the contributor reads it, and its ETag.</summary>
    private async Task<(JsonObject Body, string ETag)> ReadAsContributor(Case c)
    {
        using var response = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/events/{c.Event}", host.ContributorToken);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Hides(c, text);
        return (JsonNode.Parse(text)!.AsObject(), response.Headers.ETag!.ToString());
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, long? Draft)> Put(Case c, JsonObject body, string etag, string? token = null)
    {
        using var response = await WritesHost.Send(Client, HttpMethod.Put, $"/api/v1/events/{c.Event}", token ?? host.ContributorToken, body, etag);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        if (token is null) Hides(c, text);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), response.StatusCode == HttpStatusCode.Accepted ? WritesHost.DraftNumber(response) : null);
    }

    private static List<string> Ids(JsonNode? list, string? key = null) =>
        [.. list!.AsArray().Select(n => key is null ? (string)n! : (string)n![key]!)];

    [Fact]
    public async Task A_contributors_edit_published_by_a_reviewer_keeps_the_hidden_citations_and_the_contributor_only_ever_sees_the_placeholder()
    {
        RequireStore();
        var c = Seed("hc-edit");
        var (body, etag) = await ReadAsContributor(c);
        Assert.Equal([c.Ids["a"], Placeholder, c.Ids["b"]], Ids(body["sources"]));
        Assert.Equal([c.Ids["x"], Placeholder, Placeholder], Ids(body["actors"], "actor"));
        body["note"] = "A contributor's note on an event citing hidden records.";

        var (status, answer, number) = await Put(c, body, etag);

        Assert.True(status == HttpStatusCode.Accepted, answer.ToJsonString());
        foreach (var url in new[] { $"/api/v1/drafts/{number}", "/api/v1/drafts", "/api/v1/drafts?state=all" })
        {
            using var shown = await WritesHost.Send(Client, HttpMethod.Get, url, host.ContributorToken);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Hides(c, await shown.Content.ReadAsStringAsync(Cancel));
        }
        using (var own = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.ContributorToken))
        {
            var draft = await WritesHost.Json(own);
            Assert.Equal(["$.note"], draft["changes"]!.AsArray().Select(ch => (string?)ch!["path"]));
            Assert.Equal([c.Ids["a"], Placeholder, c.Ids["b"]], Ids(draft["record"]!["sources"]));
        }
        using (var reviewed = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.ReviewerToken))
        {
            var draft = await WritesHost.Json(reviewed);
            Assert.Equal(["$.note"], draft["changes"]!.AsArray().Select(ch => (string?)ch!["path"]));
            Assert.Equal(c.Expected("a H1 b H2"), Ids(draft["record"]!["sources"]));
            Assert.Equal(c.Expected("x HA HB"), Ids(draft["record"]!["actors"], "actor"));
        }

        using (var published = await host.Publish(Client, number!.Value)) Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var stored = (Event)host.Records.Find(new RecordId(c.Event))!;
        Assert.Equal(c.Expected("a H1 b H2"), stored.Sources.Select(s => s.Value));
        Assert.Equal(c.Expected("x HA HB"), stored.Actors.Select(a => a.Actor.Value));
        Assert.Equal("A contributor's note on an event citing hidden records.", stored.Note);
        var (after, _) = await ReadAsContributor(c);
        Assert.Equal((string?)body["note"], (string?)after["note"]);
        Hides(c, await Client.GetStringAsync(new Uri($"/history/{c.Event}", UriKind.Relative), Cancel));
        using var asContributor = new AudienceStore(((AudienceStore)host.Records).Inner, new Audience("contributor", false));
        var history = asContributor.History(new RecordId(c.Event));
        Assert.Equal(2, history.Count);
        Hides(c, string.Join('\n', history.Select(h => h.Before + h.After)));
    }

    [Theory]
    [InlineData("a P b", "x P P", "a H1 b H2", "x HA HB")]
    [InlineData("P a b", "y x P P", "H1 a b H2", "y x HA HB")]
    [InlineData("a b P", "P P", "a b H1 H2", "HA HB")]
    [InlineData("c a P", "x", "c a H1 H2", "x")]
    [InlineData("a P c b", "P P y", "a H1 c b H2", "HA HB y")]
    [InlineData("a b", "x P P", "a b", "x HA HB")]
    public async Task Items_moved_removed_and_added_around_a_placeholder_leave_each_hidden_citation_where_the_rule_puts_it(
        string sources, string actors, string expectedSources, string expectedActors)
    {
        RequireStore();
        var c = Seed($"hc-{sources.Replace(' ', '-')}-{actors.Replace(' ', '-')}".ToLowerInvariant());
        var (body, etag) = await ReadAsContributor(c);
        var item = body["actors"]!.AsArray()[0]!;
        body["sources"] = c.Written(sources);
        body["actors"] = new JsonArray([.. c.Written(actors).Select(a => (JsonNode)ActorItem(item, (string)a!))]);

        var (status, answer, number) = await Put(c, body, etag);

        Assert.True(status == HttpStatusCode.Accepted, answer.ToJsonString());
        var draft = (Event)host.Records.FindDraft(number!.Value)!.Record;
        Assert.Equal(c.Expected(expectedSources), draft.Sources.Select(s => s.Value));
        Assert.Equal(c.Expected(expectedActors), draft.Actors.Select(a => a.Actor.Value));
        using var own = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/drafts/{number}", host.ContributorToken);
        var shown = await WritesHost.Json(own);
        Assert.Equal(sources.Replace("P", Placeholder, StringComparison.Ordinal), string.Join(' ', Ids(shown["record"]!["sources"]).Select(Letter(c))));
        Assert.Equal(actors.Replace("P", Placeholder, StringComparison.Ordinal), string.Join(' ', Ids(shown["record"]!["actors"], "actor").Select(Letter(c))));
    }

    private static Func<string, string> Letter(Case c) => id => id == Placeholder ? id : c.Ids.Single(kv => kv.Value == id).Key;

    [Fact]
    public async Task A_placeholder_where_the_stored_record_cites_no_hidden_record_is_a_422_at_its_path_naming_no_hidden_id_and_keeps_no_draft()
    {
        RequireStore();
        var c = Seed("hc-smuggle");
        var (body, etag) = await ReadAsContributor(c);
        var drafts = host.Records.Drafts(null).Count;
        var item = body["actors"]!.AsArray()[0]!;

        async Task Refused(JsonObject sent, params string[] paths)
        {
            var (status, problem, _) = await Put(c, sent, etag);
            Assert.True(status == HttpStatusCode.UnprocessableEntity, problem.ToJsonString());
            Assert.Equal(paths.Order(StringComparer.Ordinal), problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        }

        // A third placeholder among the actors, where two hidden actors were shown: one too many, and which is new cannot be told.
        var added = body.DeepClone().AsObject();
        added["actors"] = new JsonArray([.. c.Written("x P P P").Select(a => (JsonNode)ActorItem(item, (string)a!))]);
        await Refused(added, "$.actors[1].actor", "$.actors[2].actor", "$.actors[3].actor");
        // One of the two removed: which one cannot be told either.
        var removed = body.DeepClone().AsObject();
        removed["actors"] = new JsonArray([.. c.Written("x P").Select(a => (JsonNode)ActorItem(item, (string)a!))]);
        await Refused(removed, "$.actors[1].actor");
        // A placeholder at a path that cited nothing: the event's place.
        var placed = body.DeepClone().AsObject();
        placed["place"] = new JsonObject { ["ref"] = Placeholder, ["precision"] = "area" };
        await Refused(placed, "$.place.ref");

        // A new record: nothing is stored, so no placeholder may stand anywhere.
        var claim = new JsonObject
        {
            ["id"] = "hc-smuggled-claim", ["subject"] = "armenia", ["asserter"] = Placeholder, ["stance"] = "disputes",
            ["statement"] = "A claim citing a hidden record it cannot know.", ["credibility"] = 5, ["sources"] = new JsonArray("pax-2324", Placeholder),
        };
        using (var created = await WritesHost.Send(Client, HttpMethod.Post, "/api/v1/claims", host.ContributorToken, claim))
        {
            var problem = (await WritesHost.Json(created)).AsObject();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
            Assert.Equal(["$.asserter", "$.sources[1]"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        }
        // A reviewer reads the real ids: for them the placeholder names no record, anywhere.
        using (var seen = await WritesHost.Send(Client, HttpMethod.Get, $"/api/v1/events/{c.Event}", host.ReviewerToken))
        {
            var full = (await WritesHost.Json(seen)).AsObject();
            full["sources"]!.AsArray()[1] = Placeholder;
            var (status, problem, _) = await Put(c, full, seen.Headers.ETag!.ToString(), host.ReviewerToken);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal(["$.sources[1]"], problem["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.Equal(drafts, host.Records.Drafts(null).Count);
        Assert.Equal(1, host.Records.FindVersioned(new RecordId(c.Event))!.Version);
    }

    [Fact]
    public async Task A_stale_draft_of_a_record_citing_hidden_ones_is_still_a_412_and_the_stored_citations_stay()
    {
        RequireStore();
        var c = Seed("hc-stale");
        var (body, etag) = await ReadAsContributor(c);
        body["note"] = "first";
        var (_, _, first) = await Put(c, body, etag);
        body["note"] = "second";
        var (_, _, second) = await Put(c, body, etag);
        using (var published = await host.Publish(Client, first!.Value)) Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        using var stale = await host.Publish(Client, second!.Value);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var stored = (Event)host.Records.Find(new RecordId(c.Event))!;
        Assert.Equal("first", stored.Note);
        Assert.Equal(c.Expected("a H1 b H2"), stored.Sources.Select(s => s.Value));
        var (again, _, _) = await Put(c, body, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again);
    }
}

/// <summary>A contributor's edit of a record citing hidden ones, on a SQLite file.</summary>
public sealed class HiddenCitationsApiTests(WritesHost host) : HiddenCitationsApi(host), IClassFixture<WritesHost>;

/// <summary>The same on a PostgreSQL database.</summary>
public sealed class PostgresHiddenCitationsApiTests(PostgresWritesHost host) : HiddenCitationsApi(host), IClassFixture<PostgresWritesHost>;
