using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Pacta.Tests.Store;

/// <summary>Reads and pokes a store file behind the store's back, to see what it holds or to make it older, newer or broken.</summary>
internal static class RawSqlite
{
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
