using System.Security.Cryptography;
using System.Text;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store;

/// <summary>A dataset row's event with its canonical JSON, made on the thread that read the row (<see cref="From"/>).</summary>
public sealed class ReadyEvent
{
    private ReadyEvent(Event @event, byte[] body)
    {
        Event = @event;
        Utf8Body = new Utf8Text(body);
        BodyHash = SHA256.HashData(body);
        Rows = new EventRowValues(@event);
    }

    public Event Event { get; }

    /// <summary>The canonical JSON as UTF-8, which is how SQLite takes it: encoded here, not on the writing thread.</summary>
    internal Utf8Text Utf8Body { get; }

    /// <summary>The canonical JSON as text.</summary>
    internal string Body => Encoding.UTF8.GetString(Utf8Body.Bytes);

    /// <summary>The body's SHA-256, for the hash chain: made with the body, off the writing thread.</summary>
    internal byte[] BodyHash { get; }

    /// <summary>What a SQLite store writes for the event besides its body, made with the body, off the writing thread.</summary>
    internal EventRowValues Rows { get; }

    /// <summary>An event made ready to write (<see cref="IEventImport.Put"/>): its canonical JSON made once, on any thread.</summary>
    public static ReadyEvent From(Event row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Origins is not [_]) throw new ArgumentException("an imported row's event carries exactly one origin, the row's", nameof(row));
        return new ReadyEvent(row, CanonicalJson.SerializeToUtf8(row));
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
