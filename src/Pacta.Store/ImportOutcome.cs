using System.Security.Cryptography;
using System.Text;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store;

/// <summary>A dataset row's event with its canonical JSON, made on the thread that read the row (<see cref="From"/>).</summary>
public sealed class ReadyEvent
{
    private ReadyEvent(Event @event, byte[] body, bool sqliteRows)
    {
        Event = @event;
        Utf8Body = new Utf8Text(body);
        BodyHash = SHA256.HashData(body);
        References = [.. @event.References()];
        if (sqliteRows) rows = new EventRowValues(@event, References);
    }

    private EventRowValues? rows;

    public Event Event { get; }

    /// <summary>The canonical JSON as UTF-8, which is how SQLite takes it: encoded here, not on the writing thread.</summary>
    internal Utf8Text Utf8Body { get; }

    /// <summary>The canonical JSON as text.</summary>
    internal string Body => Encoding.UTF8.GetString(Utf8Body.Bytes);

    /// <summary>The body's SHA-256, for the hash chain: made with the body, off the writing thread.</summary>
    internal byte[] BodyHash { get; }

    /// <summary>Every reference of the event (<see cref="IRecord.References"/>), for checking that each resolves.</summary>
    internal Reference[] References { get; }

    /// <summary>
    /// What a SQLite store writes for the event besides its body: made with the body, off the writing thread, when the
    /// event was made ready for a SQLite store (<see cref="From(Event)"/>); else the first time it is asked for.
    /// </summary>
    internal EventRowValues Rows => rows ??= new EventRowValues(Event, References);

    /// <summary>An event made ready to write to any store (<see cref="IEventImport.Put"/>): its canonical JSON made once, on any thread.</summary>
    public static ReadyEvent From(Event row) => From(row, sqliteRows: true);

    /// <summary>An event made ready to write, with or without what only a SQLite store writes besides its body.</summary>
    internal static ReadyEvent From(Event row, bool sqliteRows)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Origins is not [_]) throw new ArgumentException("an imported row's event carries exactly one origin, the row's", nameof(row));
        return new ReadyEvent(row, CanonicalJson.SerializeToUtf8(row), sqliteRows);
    }
}

/// <summary>What an import did with one row: created, updated, linked to another dataset's event, left unchanged, or refused and why.</summary>
public sealed record ImportOutcome(ImportAction Action, RecordId? Event, OriginMatch? Match = null, string? Reason = null)
{
    public static ImportOutcome Created(RecordId id) => new(ImportAction.Created, id);
    public static ImportOutcome Updated(RecordId id) => new(ImportAction.Updated, id);
    public static ImportOutcome Linked(RecordId id, OriginMatch match) => new(ImportAction.Linked, id, match);
    public static ImportOutcome Unchanged(RecordId id) => new(ImportAction.Unchanged, id);
    public static ImportOutcome Refused(string reason) => new(ImportAction.Refused, null, null, reason);
}

public enum ImportAction { Created, Updated, Linked, Unchanged, Refused }
