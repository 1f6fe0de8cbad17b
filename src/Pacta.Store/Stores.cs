using Pacta.Store.Postgres;

namespace Pacta.Store;

/// <summary>
/// Opens a store by its location: a connection string (one naming <c>Host=</c> or <c>Server=</c>) opens a PostgreSQL +
/// PostGIS database, anything else is a SQLite file's path. Also the limits every backend shares.
/// </summary>
public static class Stores
{
    /// <summary>The schema version a store is brought to when opened.</summary>
    public const int LatestSchemaVersion = SqliteStore.LatestSchemaVersion;

    /// <summary>The largest page of events a caller may ask for.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>How long an API token lasts when its creator names no expiry.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(90);

    /// <summary>The cell sizes (degrees) whose counts of non-meeting events a store keeps as events are written: such a grid is read, not computed.</summary>
    public static IReadOnlyList<double> GridLevels => EventCells.Levels;

    /// <summary>Whether <paramref name="location"/> is a PostgreSQL connection string rather than a file's path.</summary>
    public static bool IsPostgres(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Contains("Host=", StringComparison.OrdinalIgnoreCase) || location.Contains("Server=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Opens the store at <paramref name="location"/>, creating its tables when there are none (an empty file, an
    /// empty database) and bringing an older schema up to date.
    /// </summary>
    /// <exception cref="StoreException">The location holds something that is not a Pacta store, or one written by a newer Pacta.</exception>
    public static IStore Open(string location, TimeProvider? clock = null) =>
        IsPostgres(location) ? PostgresStore.Open(location, clock) : SqliteStore.Open(location, clock);

    /// <summary>Whether a store exists at <paramref name="location"/> (a Pacta file, or a database holding Pacta's tables).</summary>
    public static bool Exists(string location) =>
        IsPostgres(location) ? PostgresStore.HasStore(location) : File.Exists(location);

    /// <summary>A new, empty store at <paramref name="location"/>: a file is deleted first, a database's Pacta tables dropped.</summary>
    public static IStore Replace(string location, TimeProvider? clock = null)
    {
        if (IsPostgres(location))
        {
            PostgresStore.Drop(location);
            return PostgresStore.Open(location, clock);
        }
        if (File.Exists(location)) File.Delete(location);
        return SqliteStore.Open(location, clock);
    }
}
