namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Version 8: <c>restricted_record</c> lists the records that carry a restriction marking (docs/data-format.md), so that
/// a reader without the permission can be kept from them by a condition in SQL (event pages and counts stay exact) and
/// the few hidden records are known without reading every body. Filled from the bodies, as a write keeps it from then on.
/// </summary>
internal static class RestrictedRecordTable
{
    public static void Apply(StoreConnection db)
    {
        db.Execute(
            """
            CREATE TABLE restricted_record (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                whole INTEGER NOT NULL,
                unlisted INTEGER NOT NULL
            ) WITHOUT ROWID
            """);
        // Only the bodies that name a marking at all are read: in a store older than this step, none can.
        var marked = db.Query("SELECT id, kind, body FROM record WHERE instr(body, '\"restricted') > 0",
            r => (Id: r.GetString(0), Kind: r.GetString(1), Body: r.GetString(2)));
        foreach (var row in marked)
        {
            var record = CanonicalJson.Deserialize(Vocabulary.Kind(row.Kind), row.Body);
            RestrictedRows.Add(db, record);
        }
    }
}
