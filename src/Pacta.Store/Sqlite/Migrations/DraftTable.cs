namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Version 7: contributions wait as drafts until a reviewer other than their author publishes them. <c>draft</c> keeps
/// each one apart from <c>record</c>, so every read of records (pages, API, exports, reports) sees published content
/// alone without knowing drafts exist. A draft is never deleted: once decided, it keeps who decided, when and why.
/// </summary>
internal static class DraftTable
{
    public static void Apply(StoreConnection db)
    {
        string[] statements =
        [
            """
            CREATE TABLE draft (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                record_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                body TEXT NOT NULL,
                base_version INTEGER NOT NULL CHECK (base_version >= 0),
                author TEXT NOT NULL,
                created_at TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'published', 'rejected', 'withdrawn')),
                decided_by TEXT,
                decided_at TEXT,
                reason TEXT
            )
            """,
            "CREATE INDEX draft_state ON draft (state, number)",
            "CREATE INDEX draft_author ON draft (author COLLATE NOCASE, number)",
        ];
        foreach (var statement in statements) db.Execute(statement);
    }
}
