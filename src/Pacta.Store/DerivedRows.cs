using Pacta.Model;
using Pacta.Places;

namespace Pacta.Store;

/// <summary>
/// The rows derived from a record that both stores write alike, as statements (SQL with <c>@name</c> parameters) each store
/// runs its own way: the SQLite store one by one (<see cref="DerivedIndexes"/>), the PostgreSQL store in one round trip
/// (<see cref="Postgres.PostgresRows"/>). What differs stays there: markings, geometries and event rows.
/// </summary>
internal static class DerivedRows
{
    /// <summary>
    /// A record's references (an event's actors and place aside: event_actor and event_index hold them), a document's
    /// obligations and their bearers, a place's names folded for search.
    /// </summary>
    public static IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> Of(IRecord record)
    {
        var id = record.Id.Value;
        foreach (var reference in record.References())
        {
            // Citations reads an event's actors and place where they are: a million imported events need not write them twice.
            if (record is Event && IsIndexedElsewhere(reference.Path)) continue;
            yield return ("INSERT INTO reference (from_id, path, to_id) VALUES (@from, @path, @to)",
                [("from", id), ("path", reference.Path), ("to", reference.Target.Value)]);
        }
        if (record is Document document)
        {
            foreach (var provision in document.Provisions)
            {
                foreach (var obligation in provision.Obligations)
                {
                    yield return ("INSERT INTO obligation (id, document_id, provision_eid) VALUES (@id, @document, @provision)",
                        [("id", obligation.Id.Value), ("document", id), ("provision", provision.EId)]);
                    foreach (var bearer in obligation.Bearers)
                        yield return ("INSERT INTO obligation_bearer (obligation_id, actor_id) VALUES (@obligation, @actor)",
                            [("obligation", obligation.Id.Value), ("actor", bearer.Value)]);
                }
            }
        }
        if (record is Place place)
        {
            foreach (var name in place.Names)
                yield return ("INSERT INTO place_name (place_id, text, folded, lang) VALUES (@place, @text, @folded, @lang)",
                    [("place", id), ("text", name.Text), ("folded", NameFolding.Fold(name.Text)), ("lang", name.Lang)]);
        }
    }

    /// <summary>Whether an event's reference at this path is kept in <c>event_actor</c> or <c>event_index</c> rather than in <c>reference</c>.</summary>
    public static bool IsIndexedElsewhere(string path) => path == "place.ref" || path.StartsWith("actors[", StringComparison.Ordinal);

    /// <summary>An event's actors, each once.</summary>
    public static IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> Actors(Event @event) =>
        @event.Actors.Select(a => a.Actor).Distinct().Select(actor =>
            ("INSERT INTO event_actor (event_id, actor_id) VALUES (@event, @actor)", new (string, object?)[] { ("event", @event.Id.Value), ("actor", actor.Value) }));

    /// <summary>An event's origin rows, marked with the import that wrote them (0: not an import).</summary>
    public static IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> Origins(Event @event, long run) =>
        (@event.Origins ?? []).Select(origin =>
            ("INSERT INTO event_origin (dataset, key, event_id, digest, run) VALUES (@dataset, @key, @event, @digest, @run)",
                new (string, object?)[] { ("dataset", Vocabulary.Text(origin.Dataset)), ("key", origin.Key), ("event", @event.Id.Value), ("digest", origin.Digest), ("run", run) }));
}
