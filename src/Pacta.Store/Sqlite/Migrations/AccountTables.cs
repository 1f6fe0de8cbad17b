namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Version 5: who may use a shared store. <c>user_account</c> holds each user's role and password hash (ASP.NET Core
/// Identity's PBKDF2 format); <c>api_token</c> each token's SHA-256, never its secret; <c>account_event</c> every change
/// to either, for admins to read (<c>pacta user events</c>). None of them holds records of the model: exports never
/// see them, and the change log stays the history of the records alone.
/// </summary>
internal static class AccountTables
{
    public static void Apply(StoreConnection db)
    {
        string[] statements =
        [
            """
            CREATE TABLE user_account (
                name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'contributor', 'reviewer', 'admin')),
                password_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                disabled_at TEXT
            )
            """,
            """
            CREATE TABLE api_token (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_name TEXT NOT NULL REFERENCES user_account (name),
                secret_sha256 BLOB NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            "CREATE INDEX api_token_user ON api_token (user_name)",
            """
            CREATE TABLE account_event (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                recorded_at TEXT NOT NULL,
                by TEXT NOT NULL,
                command TEXT NOT NULL,
                user_name TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT
            )
            """,
            "CREATE INDEX account_event_user ON account_event (user_name)",
        ];
        foreach (var statement in statements) db.Execute(statement);
    }
}
