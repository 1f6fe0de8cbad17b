using System.Text;
using Pacta.Generation;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Cli;
using Pacta.Tests.Store;
using PactaCli = Pacta.Tests.Cli.Pacta;

namespace Pacta.Tests.Imports;

/// <summary>
/// Small hand-made event files for the importer tests: one plausible row of each format, which a test changes
/// field by field, written as CSV the way the datasets write it (quoted only where needed).
/// </summary>
internal static class ImportFiles
{
    /// <summary>An ACLED row of the 2020 war near Tartar, in ACLED's own column names.</summary>
    public static Dictionary<string, string> AcledRow(string key = "AZE100", string date = "2020-10-05") => new()
    {
        ["event_id_cnty"] = key,
        ["event_date"] = date,
        ["year"] = date[..4],
        ["time_precision"] = "1",
        ["disorder_type"] = "Political violence",
        ["event_type"] = "Battles",
        ["sub_event_type"] = "Armed clash",
        ["actor1"] = "Military Forces of Azerbaijan (2003-)",
        ["assoc_actor_1"] = "",
        ["inter1"] = "1",
        ["actor2"] = "Military Forces of Armenia (2018-)",
        ["assoc_actor_2"] = "",
        ["inter2"] = "1",
        ["interaction"] = "11",
        ["civilian_targeting"] = "",
        ["iso"] = "31",
        ["region"] = "Caucasus and Central Asia",
        ["country"] = "Azerbaijan",
        ["admin1"] = "Tartar",
        ["admin2"] = "",
        ["admin3"] = "",
        ["location"] = "Tartar",
        ["latitude"] = "40.3406",
        ["longitude"] = "46.9301",
        ["geo_precision"] = "1",
        ["source"] = "Trend News Agency",
        ["source_scale"] = "National",
        ["notes"] = "On 5 October 2020, armed forces clashed near Tartar. 2 fatalities.",
        ["fatalities"] = "2",
        ["tags"] = "",
        ["timestamp"] = "1602000000",
    };

    /// <summary>A UCDP GED row (id 500001) near Tartar on the same day as <see cref="AcledRow"/>.</summary>
    public static Dictionary<string, string> UcdpRow(string id = "500001", string start = "2020-10-05", string? end = null)
    {
        var row = EventGenerator.UcdpColumns.ToDictionary(c => c, _ => "");
        row["id"] = id;
        row["relid"] = "AZE-2020-1-" + id;
        row["year"] = start[..4];
        row["active_year"] = "1";
        row["code_status"] = "Clear";
        row["type_of_violence"] = "1";
        row["dyad_name"] = "Government of Azerbaijan - Government of Armenia";
        row["side_a"] = "Government of Azerbaijan";
        row["side_b"] = "Government of Armenia";
        row["source_article"] = "Agence France Presse, 2020-10-06";
        row["source_headline"] = "Shelling near Tartar";
        row["where_prec"] = "1";
        row["where_coordinates"] = "Tartar town";
        row["adm_1"] = "Tartar district";
        row["latitude"] = "40.3406";
        row["longitude"] = "46.9301";
        row["country"] = "Azerbaijan";
        row["date_prec"] = "1";
        row["date_start"] = start;
        row["date_end"] = end ?? start;
        row["best"] = "3";
        row["low"] = "2";
        row["high"] = "5";
        return row;
    }

    /// <summary>A CSV file with the header <paramref name="columns"/> and each row's values in that order.</summary>
    public static string Csv(IReadOnlyList<string> columns, params IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var text = new StringBuilder();
        text.Append(Line(columns));
        foreach (var row in rows) text.Append(Line(columns.Select(c => row.TryGetValue(c, out var v) ? v : "")));
        return text.ToString();
    }

    public static string Acled(params IEnumerable<IReadOnlyDictionary<string, string>> rows) => Csv(EventGenerator.AcledColumns, rows);

    public static string Ucdp(params IEnumerable<IReadOnlyDictionary<string, string>> rows) => Csv(EventGenerator.UcdpColumns, rows);

    /// <summary>One CSV line: a field holding a comma, quote or line break is quoted, its quotes doubled.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(Quote)) + "\n";

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    public static Dictionary<string, string> With(this Dictionary<string, string> row, params (string Column, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(row);
        foreach (var (column, value) in changes) copy[column] = value;
        return copy;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark and returns the path.</summary>
    public static string Write(TempFolder folder, string name, string text)
    {
        var path = folder[name];
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A store made by <c>pacta init --sample</c>: the bundled case's actors, with ACLED's and UCDP's names for them.</summary>
    public static string SampleStore(TempFolder folder, string name = "case.db")
    {
        var db = folder[name];
        var init = PactaCli.Run("init", "--db", db, "--sample");
        Assert.True(init.ExitCode == 0, init.Error);
        return db;
    }

    public static PactaCli.Result Import(string db, string dataset, string file, params string[] options) =>
        PactaCli.Run(["import", dataset, file, "--db", db, .. options]);

    /// <summary>Every record (id, kind, version, body), every event origin and the number of recorded changes, to compare a store before and after.</summary>
    public static List<string> Contents(string db) =>
        [.. RawSqlite.Rows(db, "SELECT id, kind, version, body FROM record ORDER BY id"),
         .. RawSqlite.Rows(db, "SELECT dataset, key, event_id, digest FROM event_origin ORDER BY dataset, key"),
         .. RawSqlite.Rows(db, "SELECT 'changes', COUNT(*) FROM change")];

    /// <summary>The events in the store that came from a dataset, by id.</summary>
    public static Dictionary<RecordId, Event> ImportedEvents(string db)
    {
        using var store = SqliteStore.Open(db);
        return store.All<Event>().Where(e => e.Origins is { Count: > 0 }).ToDictionary(e => e.Id);
    }

    public static T Load<T>(string db, string id) where T : class, IRecord
    {
        using var store = SqliteStore.Open(db);
        return Assert.IsType<T>(store.Find(new RecordId(id)));
    }

    /// <summary>
    /// The store holds together: every origin's event exists and lists that origin; the events with an origin are
    /// exactly the distinct events of the origin table; no origin is listed twice.
    /// </summary>
    public static void AssertConsistent(string db)
    {
        Assert.Empty(RawSqlite.Rows(db, "SELECT o.dataset, o.key FROM event_origin AS o LEFT JOIN record AS r ON r.id = o.event_id AND r.kind = 'event' WHERE r.id IS NULL"));
        Assert.Equal(["ok"], RawSqlite.Rows(db, "PRAGMA integrity_check"));
        // The import writes with SQLite's foreign-key checks off: every row must still have what it refers to.
        Assert.Empty(RawSqlite.Rows(db, "PRAGMA foreign_key_check"));
        Assert.Equal(
            RawSqlite.Rows(db, "SELECT first_day, COUNT(*) FROM event_index GROUP BY first_day ORDER BY 1"),
            RawSqlite.Rows(db, "SELECT day, events FROM event_day ORDER BY 1"));
        var origins = RawSqlite.Rows(db, "SELECT dataset || ':' || key || ' ' || event_id FROM event_origin ORDER BY 1");
        var events = ImportedEvents(db);
        var fromBodies = events.Values.SelectMany(e => e.Origins!.Select(o => $"{o} {e.Id}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(origins.Order(StringComparer.Ordinal), fromBodies);
        Assert.Equal(fromBodies.Count, fromBodies.Distinct().Count());
        Assert.Equal(events.Count, RawSqlite.Rows(db, "SELECT DISTINCT event_id FROM event_origin").Count);
    }
}
