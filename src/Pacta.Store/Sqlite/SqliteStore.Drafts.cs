using Microsoft.Data.Sqlite;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store;

/// <summary>
/// Drafts (schema version 7, <see cref="Sqlite.Migrations.DraftTable"/>): contributions kept apart from the records until
/// a reviewer other than their author publishes them. Each call is one transaction under the writing lock (a new draft is
/// first written as its record and rolled back, so that it is refused for what would refuse it when published); a refused
/// one (<see cref="DraftException"/>, <see cref="VersionConflictException"/>, <see cref="StoreException"/>) writes nothing.
/// </summary>
public sealed partial class SqliteStore
{
    private const string SelectDraft =
        "SELECT number, record_id, kind, body, base_version, author, created_at, state, decided_by, decided_at, reason FROM draft";

    private bool HasDrafts => SchemaVersion >= 7;

    public Draft AddDraft(IRecord record, long baseVersion, string author)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentOutOfRangeException.ThrowIfNegative(baseVersion);
        var body = CanonicalJson.Serialize(record);
        return Locked(() =>
        {
            RequireDrafts();
            // The write a publication would make, rolled back: it refuses now whatever it would refuse then.
            try
            {
                InTransaction<bool>(() =>
                {
                    Write(record, DraftRules.Trial(author), baseVersion);
                    throw new TrialWritten();
                });
            }
            catch (TrialWritten)
            {
            }
            return InTransaction(() =>
            {
                // Another process may have written between the two transactions.
                var stored = LoadVersioned(db, record.Id);
                if ((stored?.Version ?? 0) != baseVersion) throw new VersionConflictException(record.Id, baseVersion, stored);
                db.Execute(
                    """
                    INSERT INTO draft (record_id, kind, body, base_version, author, created_at, state)
                    VALUES ($id, $kind, $body, $base, $author, $at, 'pending')
                    """,
                    ("$id", record.Id.Value), ("$kind", Vocabulary.Text(record.Kind)), ("$body", body), ("$base", baseVersion),
                    ("$author", author.Trim()), ("$at", Vocabulary.Text(clock.GetUtcNow())));
                return LoadDraft(db, (long)db.Scalar("SELECT last_insert_rowid()")!)!;
            });
        });
    }

    public Draft? FindDraft(long number) => Reading(db =>
    {
        RequireDrafts();
        return LoadDraft(db, number);
    });

    public IReadOnlyList<Draft> Drafts(DraftState? state = null, string? author = null) => Reading(db =>
    {
        RequireDrafts();
        return db.Query(
            $"{SelectDraft} WHERE ($state IS NULL OR state = $state) AND ($author IS NULL OR author = $author COLLATE NOCASE) ORDER BY number",
            ReadDraft, ("$state", state is { } s ? DraftRules.Text(s) : null), ("$author", author));
    });

    public PublishedDraft PublishDraft(long number, string reviewer, string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return DraftWork(() =>
        {
            var draft = DraftRules.Found(LoadDraft(db, number), number);
            DraftRules.Publishable(draft, reviewer);
            // Joins this transaction: a stale base version or a refused record rolls the whole back, the draft's state too.
            var written = Write(draft.Record, new ChangeContext(draft.Author, command, DraftRules.PublicationReason(draft, reviewer)), draft.BaseVersion);
            Decide(number, DraftState.Published, reviewer, null);
            return new PublishedDraft(LoadDraft(db, number)!, written);
        });
    }

    public Draft RejectDraft(long number, string reviewer, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        return DraftWork(() =>
        {
            var draft = DraftRules.Found(LoadDraft(db, number), number);
            DraftRules.Rejectable(draft, reviewer, reason);
            Decide(number, DraftState.Rejected, reviewer, reason.Trim());
            return LoadDraft(db, number)!;
        });
    }

    public Draft WithdrawDraft(long number, string author)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return DraftWork(() =>
        {
            var draft = DraftRules.Found(LoadDraft(db, number), number);
            DraftRules.Withdrawable(draft, author);
            Decide(number, DraftState.Withdrawn, author, null);
            return LoadDraft(db, number)!;
        });
    }

    private void Decide(long number, DraftState state, string by, string? reason) =>
        db.Execute("UPDATE draft SET state = $state, decided_by = $by, decided_at = $at, reason = $reason WHERE number = $number AND state = 'pending'",
            ("$state", DraftRules.Text(state)), ("$by", by.Trim()), ("$at", Vocabulary.Text(clock.GetUtcNow())), ("$reason", reason), ("$number", number));

    private T DraftWork<T>(Func<T> work) => Locked(() =>
    {
        RequireDrafts();
        return InTransaction(work);
    });

    private void RequireDrafts()
    {
        if (!HasDrafts)
            throw new InvalidOperationException($"the store is at schema version {SchemaVersion}; drafts need version 7 or later");
    }

    private Draft? LoadDraft(StoreConnection db, long number) =>
        db.Query($"{SelectDraft} WHERE number = $number", ReadDraft, ("$number", number)).FirstOrDefault();

    private Draft ReadDraft(SqliteDataReader r)
    {
        var id = new RecordId(r.GetString(1));
        var body = r.GetString(3);
        return new Draft(r.GetInt64(0), Read(id, Vocabulary.Kind(r.GetString(2)), body), body, r.GetInt64(4), r.GetString(5),
            Vocabulary.Instant(r.GetString(6)), DraftRules.State(r.GetString(7)), r.IsDBNull(8) ? null : r.GetString(8),
            r.IsDBNull(9) ? null : Vocabulary.Instant(r.GetString(9)), r.IsDBNull(10) ? null : r.GetString(10));
    }
}
