using System.Text.Json.Nodes;
using Pacta.Generation;
using Pacta.Model;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;
using PactaCli = Pacta.Tests.Cli.Pacta;

namespace Pacta.Tests.Imports;

/// <summary>
/// The names a dataset gives an event's place (ACLED's location, admin1–3 and country; UCDP's where_coordinates,
/// adm_1, adm_2 and country; PLOVER's event_loc) are kept as the dataset wrote them, each level in its place,
/// attributed to the row that gave them, and written back by the exports.
/// </summary>
public sealed class PlaceNamesTests
{
    private static readonly string[] AcledPlaceColumns = ["country", "admin1", "admin2", "admin3", "location"];

    /// <summary>A row naming every level but the second-level area: the third level keeps its place.</summary>
    private static Dictionary<string, string> Gapped() =>
        AcledRow("AZE200").With(("country", "Azerbaijan"), ("admin1", "Tartar"), ("admin2", ""), ("admin3", "Sugovushan village council"), ("location", "Sugovushan"));

    [Fact]
    public void Acled_place_columns_are_kept_as_written_and_export_acled_gives_them_back()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var rows = new[] { Gapped(), AcledRow("AZE201").With(("admin2", "Tartar rayon"), ("admin3", "")) };
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(rows))).ExitCode);

        var names = Load<Event>(db, "acled-aze200").Place!.AsWritten!;
        Assert.Equal("Sugovushan", names.Name);
        Assert.Equal(["Azerbaijan", "Tartar", "", "Sugovushan village council"], names.Areas);

        var export = PactaCli.Run("export", "acled", "--out", folder["out.csv"], "--db", db);
        Assert.True(export.ExitCode == 0, export.Error);
        var back = Exports.ExportCase.Rows(File.ReadAllText(folder["out.csv"])).ToDictionary(r => r["event_id_cnty"]);
        foreach (var row in rows)
        {
            foreach (var column in AcledPlaceColumns)
                Assert.True(row[column] == back[row["event_id_cnty"]][column], $"{row["event_id_cnty"]} {column}: wrote '{back[row["event_id_cnty"]][column]}', the file had '{row[column]}'");
        }
    }

    [Fact]
    public void Hxl_and_plover_exports_write_the_datasets_names_too()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(Gapped()))).ExitCode);

        Assert.Equal(0, PactaCli.Run("export", "hxl", "--out", folder["out.hxl.csv"], "--db", db, "--from", "2020-10-05", "--to", "2020-10-05").ExitCode);
        var hxl = Exports.ExportCase.Rows(File.ReadAllText(folder["out.hxl.csv"]), skip: 1).Single(r => r["event_id"] == "acled-aze200");
        Assert.Equal(("Azerbaijan", "Tartar", "", "Sugovushan"), (hxl["country"], hxl["admin1"], hxl["admin2"], hxl["location"]));

        Assert.Equal(0, PactaCli.Run("export", "plover", "--out", folder["out.jsonl"], "--db", db, "--from", "2020-10-05", "--to", "2020-10-05").ExitCode);
        var line = File.ReadAllLines(folder["out.jsonl"]).Select(l => JsonNode.Parse(l)!).Single(l => (string?)l["comment"] is { } c && c.Contains("acled-aze200", StringComparison.Ordinal));
        var location = line["event_loc"]!;
        Assert.Equal(("Sugovushan", "Tartar", null, "Azerbaijan"), ((string?)location["name"], (string?)location["admin1"], (string?)location["admin2"], (string?)location["country"]));
    }

    [Fact]
    public void Plover_event_loc_names_are_read_and_written_back()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var line = """{"id":"pl-1","date":"2020-10-05","event":"ACCUSE","actor":["Government of Azerbaijan"],"recipient":["Government of Armenia"],"event_loc":{"name":"Tartar","admin1":"Tartar District","country":"Azerbaijan","lat":40.34,"lon":46.93}}""";
        Assert.Equal(0, Import(db, "plover", Write(folder, "p.jsonl", line + "\n")).ExitCode);

        var names = Load<Event>(db, "plover-pl-1").Place!.AsWritten!;
        Assert.Equal("Tartar", names.Name);
        Assert.Equal(["Azerbaijan", "Tartar District"], names.Areas);

        Assert.Equal(0, PactaCli.Run("export", "plover", "--out", folder["out.jsonl"], "--db", db, "--from", "2020-10-05", "--to", "2020-10-05").ExitCode);
        var back = File.ReadAllLines(folder["out.jsonl"]).Select(l => JsonNode.Parse(l)!).Single(l => (string?)l["id"] == "pl-1")["event_loc"]!;
        Assert.Equal(("Tartar", "Tartar District", null, "Azerbaijan"), ((string?)back["name"], (string?)back["admin1"], (string?)back["admin2"], (string?)back["country"]));
    }

    [Fact]
    public void An_edit_to_a_place_column_alone_updates_the_event_and_the_same_file_again_changes_nothing()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Write(folder, "a.csv", Acled(Gapped()));
        Assert.Equal(0, Import(db, "acled", file).ExitCode);
        var contents = Contents(db);

        var again = Import(db, "acled", file);
        Assert.Contains("0 created, 0 updated, 0 linked to another dataset's event, 1 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(contents, Contents(db));

        // admin3 is in no title and no other field: only the digest can tell the row was edited.
        var edited = Import(db, "acled", Write(folder, "b.csv", Acled(Gapped().With(("admin3", "Sugovushan settlement")))));
        Assert.Contains("0 created, 1 updated", edited.Out, StringComparison.Ordinal);
        Assert.Equal(["Azerbaijan", "Tartar", "", "Sugovushan settlement"], Load<Event>(db, "acled-aze200").Place!.AsWritten!.Areas);
    }

    [Fact]
    public void A_place_name_too_long_is_refused_at_its_column()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var before = Contents(db);
        var file = Write(folder, "a.csv", Acled(AcledRow().With(("admin2", new string('x', 301)))));

        var result = Import(db, "acled", file);

        Assert.Equal(3, result.ExitCode);
        var column = EventGenerator.AcledColumns.ToList().IndexOf("admin2");
        var at = Acled(AcledRow()).Split('\n')[1].Split(',').Take(column).Sum(f => f.Length + 1) + 1;
        Assert.Contains($"{file}:2:{at}: admin2: a place name is at most 300 characters", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db));
    }

    [Fact]
    public void Each_datasets_names_stay_its_own_when_two_rows_tell_of_one_incident_and_show_attributes_them()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow()))).ExitCode);
        Assert.Equal(0, Import(db, "ucdp", Write(folder, "u.csv", Ucdp(UcdpRow().With(("adm_2", "Tartar rayon"))))).ExitCode);

        var e = Load<Event>(db, "acled-aze100");
        Assert.Equal(2, e.Origins!.Count);
        Assert.Equal("Tartar", e.Place!.AsWritten!.Name);
        Assert.Equal(["Azerbaijan", "Tartar"], e.Place.AsWritten.Areas);
        var ucdp = e.Origins[1].Reported!.Place!.AsWritten!;
        Assert.Equal("Tartar town", ucdp.Name);
        Assert.Equal(["Azerbaijan", "Tartar district", "Tartar rayon"], ucdp.Areas);

        var show = PactaCli.Run("show", "acled-aze100", "--db", db);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains("acled:AZE100", show.Out, StringComparison.Ordinal);
        Assert.Contains("ACLED names the place: Tartar, Tartar, Azerbaijan", show.Out, StringComparison.Ordinal);
        Assert.Contains("UCDP GED names the place: Tartar town, Tartar rayon, Tartar district, Azerbaijan", show.Out, StringComparison.Ordinal);
    }
}
