namespace Pacta.Store.Sqlite.Migrations;

/// <summary>Version 1: each record's canonical JSON, the history of every change, and the store's own facts.</summary>
internal static class RecordsAndHistory
{
    public static void Apply(StoreConnection db)
    {
        db.Execute(
            """
            CREATE TABLE record (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                body TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            )
            """);
        db.Execute("CREATE INDEX record_kind ON record (kind)");
        db.Execute(
            """
            CREATE TABLE change (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                recorded_at TEXT NOT NULL,
                author TEXT NOT NULL,
                command TEXT NOT NULL,
                reason TEXT,
                record_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                operation TEXT NOT NULL,
                before TEXT,
                after TEXT
            )
            """);
        db.Execute("CREATE INDEX change_record ON change (record_id)");
        db.Execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        db.Execute($"PRAGMA application_id = {StoreFile.ApplicationId}");
    }
}
