using Pacta.Store.Sqlite;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    // Settings share the meta table with the migration log, under a prefix of their own.
    private const string SettingPrefix = "setting.";

    /// <summary>A store-wide setting (such as the description of the dataset last imported), or null.</summary>
    public string? GetSetting(string key) => Reading(db => GetSettingUnlocked(db, key));

    private string? GetSettingUnlocked(string key) => GetSettingUnlocked(db, key);

    private static string? GetSettingUnlocked(StoreConnection db, string key) =>
        db.Scalar("SELECT value FROM meta WHERE key = $key", ("$key", SettingPrefix + key)) as string;
}
