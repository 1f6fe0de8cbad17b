using Pacta.Model;

namespace Pacta.Store.Postgres;

/// <summary>Drafts on PostgreSQL: the same table and rules as the SQLite store's (<see cref="DraftBook"/>); the table is added to a store made before them.</summary>
public sealed partial class PostgresStore
{
    private DraftBook? drafts;

    // Untyped NULL parameters need their type here; the author index is on lower(author).
    private DraftBook DraftBook => drafts ??= new DraftBook(this, records, clock,
        "(@state::text IS NULL OR state = @state::text) AND (@author::text IS NULL OR lower(author) = lower(@author::text))");

    public Draft AddDraft(IRecord record, long baseVersion, string author) => DraftBook.Add(record, baseVersion, author);

    public Draft? FindDraft(long number) => DraftBook.Find(number);

    public IReadOnlyList<Draft> Drafts(DraftState? state = null, string? author = null) => DraftBook.List(state, author);

    public PublishedDraft PublishDraft(long number, string reviewer, string command) => DraftBook.Publish(number, reviewer, command);

    public Draft RejectDraft(long number, string reviewer, string reason) => DraftBook.Reject(number, reviewer, reason);

    public Draft WithdrawDraft(long number, string author) => DraftBook.Withdraw(number, author);

    private static bool HasDraftTable(PgSession db) => db.Scalar("SELECT to_regclass('draft') IS NOT NULL") is true;

    private static void AddDraftTable(PgSession db)
    {
        foreach (var statement in PostgresSchema.Draft) db.Execute(statement);
    }
}
