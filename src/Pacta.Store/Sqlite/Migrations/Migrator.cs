using System.Globalization;

namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Brings a store's schema up to a version, step by step, in one transaction: a failing step leaves the
/// file at the version it had. The version is SQLite's <c>user_version</c>; <c>meta</c> records each step and when it ran.
/// </summary>
internal static class Migrator
{
    /// <summary>Every step, in order. Append new steps; never change a released one.</summary>
    public static IReadOnlyList<Migration> Steps { get; } =
    [
        new(1, "records and history", RecordsAndHistory.Apply),
        new(2, "derived indexes", DerivedIndexTables.Apply),
        new(3, "event origins", EventOriginTable.Apply),
        new(4, "lean event indexes", LeanEventIndexes.Apply),
        new(5, "users and API tokens", AccountTables.Apply),
        new(6, "audit hash chain", AuditChainColumn.Apply),
        new(7, "drafts", DraftTable.Apply),
        new(8, "restricted records", RestrictedRecordTable.Apply),
    ];

    public static int Latest => Steps[^1].Version;

    /// <summary>Applies the steps after the store's version up to <paramref name="target"/>; returns the version reached.</summary>
    public static int Migrate(StoreConnection db, string path, int target, DateTimeOffset now)
    {
        var current = Convert.ToInt32(db.Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (current > Latest)
        {
            throw new StoreException(
                $"'{path}' has schema version {current}, but this version of Pacta knows versions up to {Latest} only: open it with a newer Pacta");
        }
        db.SchemaVersion = current;
        if (current >= target) return current;
        db.Begin();
        var step = Steps[0];
        try
        {
            foreach (var next in Steps.Where(s => s.Version > current && s.Version <= target))
            {
                step = next;
                step.Apply(db);
                // PRAGMA takes no parameters; the version is a number of ours, not input.
                db.Execute($"PRAGMA user_version = {step.Version}");
                db.SchemaVersion = step.Version;
                db.Execute("INSERT INTO meta (key, value) VALUES ($key, $value)", ("$key", $"migration.{step.Version}.name"), ("$value", step.Name));
                db.Execute("INSERT INTO meta (key, value) VALUES ($key, $value)", ("$key", $"migration.{step.Version}.applied-at"), ("$value", Vocabulary.Text(now)));
            }
            db.Commit();
        }
        catch (Exception e)
        {
            db.Rollback();
            db.SchemaVersion = current;
            throw new StoreException(
                $"cannot bring '{path}' from schema version {current} to {target}: step {step.Version} ({step.Name}) failed, and the file is left as it was: {e.Message}", e);
        }
        return target;
    }
}
