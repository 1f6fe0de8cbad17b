using System.Data.Common;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>
/// Drafts as both stores keep them (the <c>draft</c> table: SQLite's schema 7, <see cref="Sqlite.Migrations.DraftTable"/>,
/// and PostgreSQL's): contributions kept apart from the records until a reviewer other than their author publishes them,
/// through the conditional write (<see cref="RecordBook.Write(ISqlSession, IRecord, ChangeContext, long)"/>). Each call
/// is one write transaction of the store (a new draft is first written as its record and rolled back, so that it is
/// refused for what would refuse it when published); a refused one (<see cref="DraftException"/>,
/// <see cref="VersionConflictException"/>, <see cref="StoreException"/>) writes nothing. Both stores refuse the same
/// things with the same words.
/// </summary>
/// <param name="store">The store's reads and write transactions.</param>
/// <param name="records">The store's records, through which a draft is tried and published.</param>
/// <param name="clock">Where a draft's creation and decision read their time.</param>
/// <param name="listed">The store's condition on <c>@state</c> and <c>@author</c> (a user name in any case) for a list of drafts, each null for any.</param>
internal sealed class DraftBook(ISqlStore store, RecordBook records, TimeProvider clock, string listed)
{
    private const string SelectDraft =
        "SELECT number, record_id, kind, body, base_version, author, created_at, state, decided_by, decided_at, reason FROM draft";

    public Draft Add(IRecord record, long baseVersion, string author)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentOutOfRangeException.ThrowIfNegative(baseVersion);
        RecordBook.CheckBatch([record]);
        var body = CanonicalJson.Serialize(record);
        // The write a publication would make, rolled back: it refuses now whatever it would refuse then.
        try
        {
            store.Write<bool>(db =>
            {
                records.Write(db, record, Trial(author), baseVersion);
                throw new TrialWritten();
            });
        }
        catch (TrialWritten)
        {
        }
        return store.Write(db =>
        {
            // Another writer may have written between the two transactions.
            records.AtVersion(db, record.Id, baseVersion);
            var number = Convert.ToInt64(db.Scalar(
                """
                INSERT INTO draft (record_id, kind, body, base_version, author, created_at, state)
                VALUES (@id, @kind, @body, @base, @author, @at, 'pending') RETURNING number
                """,
                ("id", record.Id.Value), ("kind", Vocabulary.Text(record.Kind)), ("body", body), ("base", baseVersion),
                ("author", author.Trim()), ("at", Vocabulary.Text(clock.GetUtcNow()))), System.Globalization.CultureInfo.InvariantCulture);
            return Load(db, number)!;
        });
    }

    public Draft? Find(long number) => store.Read(db => Load(db, number));

    public IReadOnlyList<Draft> List(DraftState? state, string? author) => store.Read(db => db.Query(
        $"{SelectDraft} WHERE {listed} ORDER BY number", ReadDraft, ("state", state is { } s ? Text(s) : null), ("author", author)));

    public PublishedDraft Publish(long number, string reviewer, string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return store.Write(db =>
        {
            var draft = Found(Load(db, number), number);
            Publishable(draft, reviewer);
            RecordBook.CheckBatch([draft.Record]);
            // In this transaction: a stale base version or a refused record rolls the whole back, the draft's state too.
            var written = records.Write(db, draft.Record, new ChangeContext(draft.Author, command, PublicationReason(draft, reviewer)), draft.BaseVersion);
            Decide(db, number, DraftState.Published, reviewer, null);
            return new PublishedDraft(Load(db, number)!, written);
        });
    }

    public Draft Reject(long number, string reviewer, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        return store.Write(db =>
        {
            var draft = Found(Load(db, number), number);
            Rejectable(draft, reviewer, reason);
            Decide(db, number, DraftState.Rejected, reviewer, reason.Trim());
            return Load(db, number)!;
        });
    }

    public Draft Withdraw(long number, string author)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return store.Write(db =>
        {
            var draft = Found(Load(db, number), number);
            Withdrawable(draft, author);
            Decide(db, number, DraftState.Withdrawn, author, null);
            return Load(db, number)!;
        });
    }

    private void Decide(ISqlSession db, long number, DraftState state, string by, string? reason) =>
        db.Execute("UPDATE draft SET state = @state, decided_by = @by, decided_at = @at, reason = @reason WHERE number = @number AND state = 'pending'",
            ("state", Text(state)), ("by", by.Trim()), ("at", Vocabulary.Text(clock.GetUtcNow())), ("reason", reason), ("number", number));

    private Draft? Load(ISqlSession db, long number) =>
        db.Query($"{SelectDraft} WHERE number = @number", ReadDraft, ("number", number)).FirstOrDefault();

    private Draft ReadDraft(DbDataReader r)
    {
        var id = new RecordId(r.GetString(1));
        var body = r.GetString(3);
        return new Draft(r.GetInt64(0), records.Read(id, Vocabulary.Kind(r.GetString(2)), body), body,
            Convert.ToInt64(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture), r.GetString(5),
            Vocabulary.Instant(r.GetString(6)), State(r.GetString(7)), r.IsDBNull(8) ? null : r.GetString(8),
            r.IsDBNull(9) ? null : Vocabulary.Instant(r.GetString(9)), r.IsDBNull(10) ? null : r.GetString(10));
    }

    /// <summary>How the change log names a publication: the draft, its author (the change's author too) and the reviewer.</summary>
    private static string PublicationReason(Draft draft, string reviewer) => $"draft {draft.Number} by {draft.Author}, published by {reviewer}";

    /// <summary>The context of a draft's trial write (<see cref="TrialWritten"/>), which is never committed.</summary>
    private static ChangeContext Trial(string author) => new(author, "draft check");

    private static Draft Found(Draft? draft, long number) =>
        draft ?? throw new DraftException(DraftRefusal.NotFound, $"there is no draft {number}");

    private static void Publishable(Draft draft, string reviewer)
    {
        Undecided(draft);
        if (draft.IsBy(reviewer))
            throw new DraftException(DraftRefusal.OwnDraft, $"draft {draft.Number} is {draft.Author}'s own: a reviewer other than its author publishes it", draft);
    }

    private static void Rejectable(Draft draft, string reviewer, string? reason)
    {
        Undecided(draft);
        if (draft.IsBy(reviewer))
            throw new DraftException(DraftRefusal.OwnDraft, $"draft {draft.Number} is {draft.Author}'s own: withdraw it instead of rejecting it", draft);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DraftException(DraftRefusal.NoReason, "a rejection needs a reason, for the draft's author", draft);
    }

    private static void Withdrawable(Draft draft, string user)
    {
        Undecided(draft);
        if (!draft.IsBy(user))
            throw new DraftException(DraftRefusal.NotAuthor, $"draft {draft.Number} is {draft.Author}'s: only its author withdraws it", draft);
    }

    private static void Undecided(Draft draft)
    {
        if (!draft.Pending)
            throw new DraftException(DraftRefusal.Decided,
                $"draft {draft.Number} was {Text(draft.State)} already{(draft.DecidedBy is { } by ? " by " + by : "")}; nothing was changed", draft);
    }

    private static string Text(DraftState state) => state.ToString().ToLowerInvariant();

    private static DraftState State(string text) => text switch
    {
        "pending" => DraftState.Pending,
        "published" => DraftState.Published,
        "rejected" => DraftState.Rejected,
        "withdrawn" => DraftState.Withdrawn,
        _ => throw new StoreException($"'{text}' is not a state of a draft"),
    };
}

/// <summary>
/// Thrown by a draft's trial write once the record has passed every check of a real write, so that the write's transaction
/// rolls back: a draft is refused when it is made for what would refuse its publication then (a reference that resolves to
/// nothing, an id another kind or another document's obligation holds), not only when a reviewer tries.
/// </summary>
internal sealed class TrialWritten : Exception
{
    public TrialWritten()
    {
    }

    public TrialWritten(string message)
        : base(message)
    {
    }

    public TrialWritten(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

