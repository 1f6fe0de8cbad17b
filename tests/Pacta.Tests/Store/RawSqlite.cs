using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Pacta.Tests.Store;

/// <summary>Reads and pokes a store file behind the store's back, to see what it holds or to make it older, newer or broken.</summary>
internal static class RawSqlite
{
    /// <summary>
    /// Every derived row, without the R*Tree keys (which depend on the order rows were added in), and any
    /// R*Tree entry of a place left without its row.
    /// </summary>
    public const string DerivedRows =
        """
        SELECT 'obligation', id, document_id, provision_eid FROM obligation
        UNION ALL SELECT 'bearer', obligation_id, actor_id, NULL FROM obligation_bearer
        UNION ALL SELECT 'reference', from_id, path, to_id FROM reference
        UNION ALL SELECT 'event', id, first_day || ' ' || last_day || ' ' || type, lon || ' ' || lat FROM event_index
        UNION ALL SELECT 'event-point', id, cell, is_meeting || ' ' || ifnull(place_id, '∅') FROM event_index WHERE cell IS NOT NULL
        UNION ALL SELECT 'event-actor', event_id, actor_id, NULL FROM event_actor
        UNION ALL SELECT 'event-day', day, events, NULL FROM event_day
        UNION ALL SELECT 'name', place_id, text || ' ' || folded, lang FROM place_name
        UNION ALL SELECT 'geometry', place_id, hex(wkb), NULL FROM place_geometry
        UNION ALL SELECT 'box', g.place_id, r.min_lon || ' ' || r.max_lon, r.min_lat || ' ' || r.max_lat FROM place_rtree AS r JOIN place_geometry AS g ON g.rtree_id = r.id
        UNION ALL SELECT 'orphan-box', id, NULL, NULL FROM place_rtree WHERE id NOT IN (SELECT rtree_id FROM place_geometry)
        ORDER BY 1, 2, 3, 4
        """;

    /// <summary>Each row as its columns joined with " | " (null as ∅, a blob in hex).</summary>
    public static List<string> Rows(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DBNull => "∅",
                byte[] blob => Convert.ToHexString(blob),
                var value => Convert.ToString(value, CultureInfo.InvariantCulture),
            })));
        }
        return rows;
    }

    public static void Execute(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
