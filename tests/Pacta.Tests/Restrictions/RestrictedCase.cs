using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Datasets;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Tests.Restrictions;

/// <summary>
/// The bundled case with restricted data added: a record of each kind the API and the pages show, marked restricted
/// as a whole (a copy of a real one, with a new id and a marker in its title or name), and an event that is not
/// restricted but holds a restricted summary and cites the hidden actor and source. Also a user of each role.
/// </summary>
internal static class RestrictedCase
{
    public const string Password = "a-long-shared-password";

    /// <summary>The restricted summary of <see cref="OpenEvent"/>.</summary>
    public const string FieldSecret = "zq9-field-secret-summary";

    public const string OpenEvent = "open-event-with-secret";

    public const string HiddenObligation = "hidden-obligation";

    /// <summary>Each user's name and role; anonymous readers have none.</summary>
    public static IReadOnlyList<(string Name, Role Role)> Users { get; } =
        [("vic", Role.Viewer), ("cora", Role.Contributor), ("rex", Role.Reviewer), ("ada", Role.Admin)];

    /// <summary>The ids of the records restricted as a whole, by kind (meetings apart from other events).</summary>
    public static IReadOnlyList<string> HiddenIds { get; } =
    [
        "hidden-actor", "hidden-source", "hidden-place", "hidden-event", "hidden-meeting", "hidden-document", "hidden-claim",
        "hidden-issue", "hidden-topic", "hidden-assessment",
    ];

    /// <summary>The text in each hidden record's title or name (not its id, which a page may repeat from the address it was asked for).</summary>
    public static string Marker(string id) => $"zq9-marker-{HiddenIds.ToList().IndexOf(id)}-of-kind";

    /// <summary>Every string no reader without the permission may ever get: markers, hidden ids, the restricted field's value.</summary>
    public static IReadOnlyList<string> Secrets { get; } = [.. HiddenIds.Select(Marker), .. HiddenIds, HiddenObligation, FieldSecret];

    /// <summary>The numbers of the drafts <see cref="Seed"/> makes.</summary>
    public static IReadOnlyList<long> DraftNumbers { get; } = [1, 2, 3];

    /// <summary>The ids a walk fills route parameters with.</summary>
    public static IReadOnlyList<string> WalkedIds { get; } = [.. HiddenIds, HiddenObligation, OpenEvent];

    /// <summary>Writes the case into a new store at <paramref name="location"/>; returns each id's record (the hidden obligation's is its document).</summary>
    public static Dictionary<string, IRecord> Seed(string location)
    {
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        var records = dataset.Records.ToList();
        T First<T>(Func<T, bool>? where = null) where T : IRecord => records.OfType<T>().First(r => where?.Invoke(r) ?? true);

        var plainEvent = First<Event>(e => e.Meeting is null && e.Summary is not null && e.Actors.Count > 0);
        var added = new List<IRecord>
        {
            Hide(First<Actor>(), "hidden-actor"),
            Hide(First<Source>(), "hidden-source"),
            Hide(First<Place>(p => p.Geometry is not null), "hidden-place"),
            Hide(plainEvent, "hidden-event"),
            Hide(First<Event>(e => e.Meeting is not null), "hidden-meeting"),
            Hide(First<Document>(d => d.Obligations.Any()), "hidden-document", json =>
            {
                // One provision with one obligation of its own id, bound to nothing else.
                var provision = json["provisions"]!.AsArray().First(p => p!["obligations"]!.AsArray().Count > 0)!.DeepClone().AsObject();
                var obligation = provision["obligations"]!.AsArray()[0]!.DeepClone().AsObject();
                obligation["id"] = HiddenObligation;
                obligation.Remove("linkage");
                provision["obligations"] = new JsonArray(obligation);
                json["provisions"] = new JsonArray(provision);
            }),
            Hide(First<Claim>(), "hidden-claim"),
            Hide(First<Issue>(), "hidden-issue"),
            Hide(First<Topic>(), "hidden-topic"),
            Hide(First<Assessment>(), "hidden-assessment"),
        };
        var open = Node(plainEvent);
        open["id"] = OpenEvent;
        open["summary"] = FieldSecret;
        open["restrictedFields"] = new JsonArray("summary");
        open["actors"]!.AsArray()[0]!["actor"] = "hidden-actor";
        open["sources"]!.AsArray().Add("hidden-source");
        added.Add(Read<Event>(open));

        using var store = Stores.Open(location);
        var context = new ChangeContext("tests", "restricted walk");
        store.Write([.. records, .. added], context);
        foreach (var (name, role) in Users) store.AddUser(name, role, Password, context);
        // Drafts 1 and 2 of a new store (DraftNumbers): the contributor's edit of the event with a restricted
        // field (holding the stored value, as a contributor's write keeps it), and the reviewer's of a hidden record.
        open["note"] = "A contributor's edit, waiting for review.";
        var topic = Node(added.First(r => r.Id.Value == "hidden-topic"));
        topic["title"] = Marker("hidden-topic") + " retitled";
        var drafts = new List<long> { store.AddDraft(Read<Event>(open), 1, "cora").Number, store.AddDraft(Read<Topic>(topic), 1, "rex").Number };
        // The third: the contributor's edit of the same event as they read it (the placeholder where it cites the hidden
        // actor and source, no restricted summary), made through their view, which puts back what they could not see.
        using (var contributor = new AudienceStore(store, new Pacta.Restrictions.Audience("contributor", false)))
        {
            var seen = Node(contributor.Find(new RecordId(OpenEvent))!);
            seen["note"] = "The contributor's edit of what they could see.";
            drafts.Add(contributor.AddDraft(Read<Event>(seen), 1, "cora").Number);
        }
        if (!drafts.SequenceEqual(DraftNumbers)) throw new InvalidOperationException($"drafts numbered {string.Join(", ", drafts)}");
        var kept = (Event)store.FindDraft(drafts[^1])!.Record;
        if (kept.Actors[0].Actor.Value != "hidden-actor" || !kept.Sources.Any(s => s.Value == "hidden-source") || kept.Summary != FieldSecret)
            throw new InvalidOperationException("the contributor's draft lost what they could not see");

        var byId = added.ToDictionary(r => r.Id.Value);
        byId[HiddenObligation] = byId["hidden-document"];
        return byId;
    }

    private static IRecord Hide(IRecord original, string id, Action<JsonObject>? change = null)
    {
        var json = Node(original);
        json["id"] = id;
        json["restricted"] = true;
        // A place has only names: its marker goes in its note.
        var key = new[] { "title", "name", "statement", "rationale" }.FirstOrDefault(json.ContainsKey) ?? "note";
        json[key] = Marker(id);
        change?.Invoke(json);
        return (IRecord)json.Deserialize(original.GetType(), PactaJson.Options)!;
    }

    private static JsonObject Node(IRecord record) => (JsonObject)JsonSerializer.SerializeToNode(record, record.GetType(), PactaJson.Options)!;

    private static T Read<T>(JsonObject json) => json.Deserialize<T>(PactaJson.Options)!;
}
