using System.Text.Json.Nodes;
using Pacta.Datasets;
using Pacta.Model;
using Pacta.Restrictions;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// The store as an audience reads it (<see cref="AudienceStore"/>), on both backends: what the public may not see is
/// absent from finds, lists, counts, histories and event queries, and the event queries stay exact (pages, cursors,
/// counts per period and per map cell agree with the events a reader can list).
/// </summary>
public sealed class RestrictedStoreTests : IDisposable
{
    private const string Secret = "marker-7f3a-only-for-reviewers";

    private TempStore? temp;
    private IStore store = null!;

    public void Dispose()
    {
        store?.Dispose();
        temp?.Dispose();
    }

    private static Event At(string id, int day, double lon, string? summary = null, string? title = null, params Actor[] actors) =>
        new(Id(id), title ?? id, EventType.Parse("acled:Battles"), PartialDate.Day(2021, 3, day), null,
            new EventPlace(null, new GeoPoint(lon, 39.9), LocationPrecision.Exact),
            [.. (actors.Length == 0 ? [Azerbaijan] : actors).Select(a => new EventActor(a.Id, EventActorRole.SideA))], null, null, summary, [Samples.Dataset.Id]);

    /// <summary>Twelve events in March 2021: every third wholly restricted, one with its place restricted, one with its summary restricted.</summary>
    private List<Event> Seed(Backend backend)
    {
        temp = new TempStore(backend);
        store = temp.OpenStore();
        var events = Enumerable.Range(1, 12).Select(d => At($"march-{d}", d, 46.0 + d * 0.01, $"summary {d}")).ToList();
        for (var i = 2; i < events.Count; i += 3) events[i] = events[i] with { Restricted = true };
        events[0] = events[0] with { RestrictedFields = ["place"] };
        events[1] = At("march-2", 2, 46.02, Secret) with { RestrictedFields = ["summary"] };
        var informant = new Actor(Id("informant-x"), ActorKind.Person, "Informant X", null, [], [Samples.Dataset.Id]) { Restricted = true };
        var cited = At("march-20", 20, 46.5, null, null, informant, Armenia);
        store.Write([.. All, informant, .. events, cited], Context);
        return [.. events, cited];
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_public_walks_counts_and_maps_only_the_events_it_may_see_and_everything_agrees(Backend backend)
    {
        var events = Seed(backend);
        var march = new EventFilter(From: new DateOnly(2021, 3, 1), To: new DateOnly(2021, 3, 31));
        foreach (var (audience, expected) in new[]
                 {
                     (Audience.Public, events.Where(e => !e.Restricted && e.RestrictedFields?.Contains("place") != true).Select(e => e.Id.Value).ToList()),
                     (Audience.Everything, events.Select(e => e.Id.Value).ToList()),
                 })
        {
            using var view = new AudienceStore(store, audience);
            var walked = new List<string>();
            string? cursor = null;
            do
            {
                var page = view.QueryEvents(march, 2, cursor);
                walked.AddRange(page.Events.Select(e => e.Id.Value));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.Equal(expected.Order(StringComparer.Ordinal), walked.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Count, view.CountEvents(march));
            Assert.Equal(expected.Count, view.CountEventsBy(march, EventPeriod.Day).Sum(c => c.Count));
            Assert.Equal(expected.Count, view.CountEventsBy(new EventFilter(), EventPeriod.Month).Where(c => c.Start == new DateOnly(2021, 3, 1)).Sum(c => c.Count));
            // The grid the map reads, at a level the SQLite store keeps counts for and at one it does not.
            foreach (var cell in new[] { Stores.GridLevels[0], 0.3 })
                Assert.Equal(expected.Count + 1, view.EventGrid(new EventFilter(Meetings: false), cell).Sum(c => c.Count)); // + the samples' signing
        }
        // 13 events: four restricted whole, one with its place restricted.
        Assert.Equal(8, new AudienceStore(store, Audience.Public).CountEvents(march));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_public_never_finds_a_restricted_record_field_or_citation_but_the_operator_does(Backend backend)
    {
        Seed(backend);
        using var open = new AudienceStore(store, Audience.Public);
        using var whole = new AudienceStore(store, Audience.Everything);

        Assert.Null(open.Find(Id("informant-x")));
        Assert.Null(open.KindOf(Id("informant-x")));
        Assert.Null(open.FindVersioned(Id("march-3")));
        Assert.Empty(open.History(Id("march-3")));
        Assert.DoesNotContain(open.All<Actor>(), a => a.Id == Id("informant-x"));
        Assert.DoesNotContain(open.Changes(0, 5), c => c.RecordId == Id("informant-x") || (c.After ?? "").Contains(Secret, StringComparison.Ordinal));
        Assert.Equal(whole.Counts()[RecordKind.Event] - 4, open.Counts()[RecordKind.Event]);
        Assert.Equal(whole.Counts()[RecordKind.Actor] - 1, open.Counts()[RecordKind.Actor]);

        var withSecret = (Event)open.Find(Id("march-2"))!;
        Assert.Null(withSecret.Summary);
        Assert.Equal(["summary"], withSecret.RestrictedFields);
        Assert.Equal(Secret, ((Event)whole.Find(Id("march-2"))!).Summary);
        Assert.DoesNotContain(open.History(Id("march-2")), c => (c.After ?? "").Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(whole.History(Id("march-2")), c => (c.After ?? "").Contains(Secret, StringComparison.Ordinal));
        Assert.All(open.History(Id("march-2")), c => Assert.Null(c.Hash));

        var citing = (Event)open.Find(Id("march-20"))!;
        Assert.Equal([Restriction.Placeholder, Armenia.Id], citing.Actors.Select(a => a.Actor));
        Assert.Equal([Id("informant-x"), Armenia.Id], ((Event)whole.Find(Id("march-20"))!).Actors.Select(a => a.Actor));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_hidden_document_takes_its_obligations_out_of_counts_finds_and_the_assessments_that_cite_them(Backend backend)
    {
        temp = new TempStore(backend);
        store = temp.OpenStore();
        store.Write([.. All.Select(r => r is Document d ? d with { Restricted = true } : r)], Context);
        using var open = new AudienceStore(store, Audience.Public);

        Assert.Equal(0, open.Counts()[RecordKind.Obligation]);
        Assert.Equal(2, store.Counts()[RecordKind.Obligation]);
        Assert.Null(open.FindObligation(Id("ts2020-ceasefire")));
        Assert.Equal(Restriction.Placeholder, open.All<Assessment>().Single().Obligation);
        Assert.Equal([new RestrictedRecord(Statement.Id, RecordKind.Document, true, true)], store.Restricted());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_writer_without_the_permission_cannot_set_or_lift_a_marking_and_keeps_the_restricted_values_it_never_saw(Backend backend)
    {
        Seed(backend);
        var before = temp!.Fingerprint();
        using var contributor = new AudienceStore(store, new Audience("contributor", false));

        Assert.Throws<RestrictedWriteException>(() => contributor.Write([Armenia with { Restricted = true }], Context));
        Assert.Throws<RestrictedWriteException>(() => contributor.Write(Russia with { RestrictedFields = ["note"] }, Context, 1));
        var seen = contributor.FindVersioned(Id("march-2"))!;
        Assert.Throws<RestrictedWriteException>(() => contributor.Write((Event)seen.Record with { RestrictedFields = null }, Context, seen.Version));
        Assert.Throws<RestrictedWriteException>(() => contributor.Write(At("march-3", 3, 46.03), Context, 1));
        Assert.Equal(before, temp.Fingerprint());

        // An edit of what it sees keeps the summary it could not read.
        contributor.Write(At("march-2", 2, 46.02, null, "renamed") with { RestrictedFields = ["summary"] }, Context, seen.Version);
        var stored = (Event)store.Find(Id("march-2"))!;
        Assert.Equal(("renamed", Secret), (stored.Title, stored.Summary));

        using var reviewer = new AudienceStore(store, new Audience("reviewer", true), mayMark: true);
        reviewer.Write(stored with { RestrictedFields = null }, Context, seen.Version + 1);
        Assert.Equal(Secret, ((Event)new AudienceStore(store, Audience.Public).Find(Id("march-2"))!).Summary);
        Assert.DoesNotContain(store.Restricted(), r => r.Id == Id("march-2"));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_import_that_updates_a_restricted_event_keeps_it_restricted(Backend backend)
    {
        temp = new TempStore(backend);
        store = temp.OpenStore();
        store.Write(All, Context);
        Event Row(string title, string digest) => new(
            Pacta.Imports.ImportedEvent.IdFor(EventDataset.Acled, "AZE1"), title, EventType.Parse("acled:Battles/Armed clash"), PartialDate.Day(2020, 10, 5), null,
            new EventPlace(null, new GeoPoint(46.93, 40.34), LocationPrecision.Exact), [new EventActor(Armenia.Id, EventActorRole.SideA)],
            null, null, null, [Samples.Dataset.Id], null, [new EventOrigin(EventDataset.Acled, "AZE1", digest)]);
        void Import(Event row)
        {
            using var import = store.BeginEventImport(Context, null, batched: false);
            import.Put([ReadyEvent.From(row)]);
            import.Complete();
        }

        Import(Row("clash", "0000000000000001"));
        var imported = (Event)store.Find(Row("clash", "0000000000000001").Id)!;
        store.Write([imported with { Restricted = true }], Context);
        Import(Row("clash, revised", "0000000000000002"));

        var revised = (Event)store.Find(imported.Id)!;
        Assert.Equal(("clash, revised", true), (revised.Title, revised.Restricted));
        Assert.Null(new AudienceStore(store, Audience.Public).Find(imported.Id));
        Assert.Equal(0, new AudienceStore(store, Audience.Public).CountEvents(new EventFilter(Type: "acled:Battles")));
    }

    [Fact]
    public void Only_optional_fields_may_be_restricted_and_a_wrong_one_is_named_at_its_path()
    {
        var json = JsonNode.Parse("""
            {"id": "x-1", "kind": "state", "name": "X", "roles": [], "sources": ["s-1"], "restrictedFields": ["name"]}
            """);
        Assert.Null(RecordInput.Read(json, RecordKind.Actor, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal("$.restrictedFields", problem.Path);
        Assert.Contains("'name' cannot be restricted", problem.Message, StringComparison.Ordinal);

        json!["restrictedFields"] = new JsonArray("note", "shortName");
        json["restricted"] = true;
        var actor = RecordInput.Read(json, RecordKind.Actor, out problems);
        Assert.Empty(problems);
        Assert.True(actor!.Restricted);
        Assert.Equal(["note", "shortName"], actor.RestrictedFields);
        Assert.Contains("\"restricted\":true", Pacta.Json.PactaJson.Serialize((Actor)actor), StringComparison.Ordinal);
        Assert.DoesNotContain("restricted", Pacta.Json.PactaJson.Serialize(Armenia), StringComparison.Ordinal);
    }

    [Fact]
    public void The_placeholders_id_is_reserved_for_every_record_and_obligation()
    {
        var json = JsonNode.Parse("""{"id": "restricted", "kind": "state", "name": "X", "roles": [], "sources": ["s-1"]}""");
        Assert.Null(RecordInput.Read(json, RecordKind.Actor, out var problems));
        Assert.Equal(("$.id", Restriction.ReservedIdMessage), (Assert.Single(problems).Path, problems[0].Message));

        json!["id"] = "x-1";
        Assert.NotNull(RecordInput.Read(json, RecordKind.Actor, out problems));
        Assert.Empty(problems);
    }
}
