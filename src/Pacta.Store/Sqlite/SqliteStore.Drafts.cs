using Pacta.Model;

namespace Pacta.Store;

/// <summary>Drafts (schema version 7, <see cref="Sqlite.Migrations.DraftTable"/>): see <see cref="DraftBook"/>.</summary>
public sealed partial class SqliteStore
{
    private DraftBook? drafts;

    private DraftBook DraftBook
    {
        get
        {
            if (SchemaVersion < 7)
                throw new InvalidOperationException($"the store is at schema version {SchemaVersion}; drafts need version 7 or later");
            return drafts ??= new DraftBook(this, records, clock,
                "(@state IS NULL OR state = @state) AND (@author IS NULL OR author = @author COLLATE NOCASE)");
        }
    }

    public Draft AddDraft(IRecord record, long baseVersion, string author) => DraftBook.Add(record, baseVersion, author);

    public Draft? FindDraft(long number) => DraftBook.Find(number);

    public IReadOnlyList<Draft> Drafts(DraftState? state = null, string? author = null) => DraftBook.List(state, author);

    public PublishedDraft PublishDraft(long number, string reviewer, string command) => DraftBook.Publish(number, reviewer, command);

    public Draft RejectDraft(long number, string reviewer, string reason) => DraftBook.Reject(number, reviewer, reason);

    public Draft WithdrawDraft(long number, string author) => DraftBook.Withdraw(number, author);
}
