using Npgsql;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store.Postgres;

/// <summary>Drafts on PostgreSQL: the same table and rules as the SQLite store's (<see cref="SqliteStore.AddDraft"/>), each call one write transaction.</summary>
public sealed partial class PostgresStore
{
    private const string SelectDraft =
        "SELECT number, record_id, kind, body, base_version, author, created_at, state, decided_by, decided_at, reason FROM draft";

    public Draft AddDraft(IRecord record, long baseVersion, string author)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentOutOfRangeException.ThrowIfNegative(baseVersion);
        var body = CanonicalJson.Serialize(record);
        CheckBatch([record]);
        // The write a publication would make, rolled back: it refuses now whatever it would refuse then.
        try
        {
            Writing<bool>(db =>
            {
                var stored = LoadVersioned(db, record.Id);
                if ((stored?.Version ?? 0) != baseVersion) throw new VersionConflictException(record.Id, baseVersion, stored);
                Write(db, [record], DraftRules.Trial(author), null);
                throw new TrialWritten();
            });
        }
        catch (TrialWritten)
        {
        }
        return Writing(db =>
        {
            var stored = LoadVersioned(db, record.Id);
            if ((stored?.Version ?? 0) != baseVersion) throw new VersionConflictException(record.Id, baseVersion, stored);
            var number = Convert.ToInt64(db.Scalar(
                """
                INSERT INTO draft (record_id, kind, body, base_version, author, created_at, state)
                VALUES (@id, @kind, @body, @base, @author, @at, 'pending') RETURNING number
                """,
                ("id", record.Id.Value), ("kind", Vocabulary.Text(record.Kind)), ("body", body), ("base", (int)baseVersion),
                ("author", author.Trim()), ("at", Vocabulary.Text(clock.GetUtcNow()))), System.Globalization.CultureInfo.InvariantCulture);
            return LoadDraft(db, number)!;
        });
    }

    public Draft? FindDraft(long number) => Reading(db => LoadDraft(db, number));

    public IReadOnlyList<Draft> Drafts(DraftState? state = null, string? author = null) => Reading(db => db.Query(
        $"{SelectDraft} WHERE (@state::text IS NULL OR state = @state::text) AND (@author::text IS NULL OR lower(author) = lower(@author::text)) ORDER BY number",
        ReadDraft, ("state", state is { } s ? DraftRules.Text(s) : null), ("author", author)));

    public PublishedDraft PublishDraft(long number, string reviewer, string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return Writing(db =>
        {
            var draft = DraftRules.Found(LoadDraft(db, number), number);
            DraftRules.Publishable(draft, reviewer);
            CheckBatch([draft.Record]);
            var stored = LoadVersioned(db, draft.RecordId);
            if ((stored?.Version ?? 0) != draft.BaseVersion) throw new VersionConflictException(draft.RecordId, draft.BaseVersion, stored);
            Write(db, [draft.Record], new ChangeContext(draft.Author, command, DraftRules.PublicationReason(draft, reviewer)), null);
            Decide(db, number, DraftState.Published, reviewer, null);
            return new PublishedDraft(LoadDraft(db, number)!, LoadVersioned(db, draft.RecordId)!);
        });
    }

    public Draft RejectDraft(long number, string reviewer, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        return Writing(db =>
        {
            var draft = DraftRules.Found(LoadDraft(db, number), number);
            DraftRules.Rejectable(draft, reviewer, reason);
            Decide(db, number, DraftState.Rejected, reviewer, reason.Trim());
            return LoadDraft(db, number)!;
        });
    }

    public Draft WithdrawDraft(long number, string author)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return Writing(db =>
        {
            var draft = DraftRules.Found(LoadDraft(db, number), number);
            DraftRules.Withdrawable(draft, author);
            Decide(db, number, DraftState.Withdrawn, author, null);
            return LoadDraft(db, number)!;
        });
    }

    private void Decide(PgSession db, long number, DraftState state, string by, string? reason) =>
        db.Execute("UPDATE draft SET state = @state, decided_by = @by, decided_at = @at, reason = @reason WHERE number = @number AND state = 'pending'",
            ("state", DraftRules.Text(state)), ("by", by.Trim()), ("at", Vocabulary.Text(clock.GetUtcNow())), ("reason", reason), ("number", number));

    private static bool HasDraftTable(PgSession db) => db.Scalar("SELECT to_regclass('draft') IS NOT NULL") is true;

    private static void AddDraftTable(PgSession db)
    {
        foreach (var statement in PostgresSchema.Draft) db.Execute(statement);
    }

    private Draft? LoadDraft(PgSession db, long number) =>
        db.Query($"{SelectDraft} WHERE number = @number", ReadDraft, ("number", number)).FirstOrDefault();

    private Draft ReadDraft(NpgsqlDataReader r)
    {
        var id = new RecordId(r.GetString(1));
        var body = r.GetString(3);
        return new Draft(r.GetInt64(0), Read(id, Vocabulary.Kind(r.GetString(2)), body), body, r.GetInt32(4), r.GetString(5),
            Vocabulary.Instant(r.GetString(6)), DraftRules.State(r.GetString(7)), r.IsDBNull(8) ? null : r.GetString(8),
            r.IsDBNull(9) ? null : Vocabulary.Instant(r.GetString(9)), r.IsDBNull(10) ? null : r.GetString(10));
    }
}
