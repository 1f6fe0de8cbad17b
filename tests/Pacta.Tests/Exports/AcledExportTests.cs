using System.Globalization;
using Pacta.Exports;
using Pacta.Generation;
using Pacta.Model;
using static Pacta.Tests.Exports.ExportCase;

namespace Pacta.Tests.Exports;

/// <summary>
/// <c>pacta export acled</c>: rows of an ACLED file, turned into events as an import keeps them (origin key,
/// revision and citation; date and place with precision; actors by side; deaths; notes), come back out with the
/// same values in every column Pacta keeps.
/// </summary>
public sealed class AcledExportTests
{
    /// <summary>Columns Pacta keeps no value for: the export leaves them empty rather than guess (docs/exports.md).</summary>
    private static readonly string[] NotKept = ["inter1", "inter2", "interaction", "civilian_targeting", "iso", "region", "admin3", "source_scale", "tags"];

    private static readonly Dictionary<string, string>[] AcledRows =
    [
        Row("AZE1234", "2020-07-13", "1", "Political violence", "Battles", "Armed clash",
            "Military Forces of Azerbaijan (2003-)", "", "Military Forces of Armenia (2018-)", "Border Guard of Armenia, \"NSS\"",
            "Azerbaijan", "Tovuz", "Aghdam", "41.0123", "45.6789", "1", "Armenpress; Ministry of Defence of Azerbaijan", MessyText, "3", "1700000000"),
        // Known to the week (ACLED dates such a row to a day inside it: a Wednesday here), near the town, one side only, no deaths.
        Row("AZE1235", "2020-07-22", "2", "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack",
            "Military Forces of Armenia (2018-)", "Border Guard of Armenia, \"NSS\"", "", "",
            "Azerbaijan", "Tovuz", "Aghdam", "41.05", "45.61", "2", "Report.az", "Ермәни силаләри: «Ağdam» атәшә тутулду; Աղդամ", "0", "1700000123"),
        // Known to the month (dated to its 14th), placed in the region as a whole.
        Row("AZE1236", "2020-08-14", "3", "Strategic developments", "Strategic developments", "Agreement",
            "Russian Federation", "", "OSCE Minsk Group", "",
            "Azerbaijan", "Tovuz", "Tovuz", "40.99", "45.62", "3", "Interfax", "Talks, \"agreed\" on a line", "0", "1700009999"),
    ];

    [Fact]
    public void Rows_imported_from_ACLED_come_back_with_every_value_Pacta_keeps()
    {
        using var temp = StoreWith([.. AcledRows.Select(Imported)]);
        var exported = Rows(Export(temp, EventExportFormat.Acled)).ToDictionary(r => r["event_id_cnty"]);

        foreach (var row in AcledRows)
        {
            var back = exported[row["event_id_cnty"]];
            Assert.Equal(EventGenerator.AcledColumns, back.Keys);
            foreach (var column in new[]
            {
                "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                "country", "admin1", "location", "geo_precision", "source", "notes", "fatalities", "timestamp",
            })
                Assert.True(row[column] == back[column], $"{row["event_id_cnty"]} {column}: wrote '{back[column]}', the file had '{row[column]}'");
            Assert.Equal(Number(row["latitude"]), Number(back["latitude"]));
            Assert.Equal(Number(row["longitude"]), Number(back["longitude"]));
            Assert.All(NotKept, column => Assert.Equal("", back[column]));
        }

        // A day is kept; a week or a month is kept as that period, and written as its first day.
        Assert.Equal("2020-07-13", exported["AZE1234"]["event_date"]);
        Assert.Equal("2020-07-20", exported["AZE1235"]["event_date"]); // Monday of the week of Wednesday 2020-07-22
        Assert.Equal("2020-08-01", exported["AZE1236"]["event_date"]);
    }

    [Fact]
    public void An_event_from_no_ACLED_row_has_Pactas_id_and_its_sources_publishers()
    {
        using var temp = StoreWith();

        var rows = Rows(Export(temp, EventExportFormat.Acled)).ToDictionary(r => r["event_id_cnty"]);

        Assert.Equal([Clashes1992.Id.Value, Talks.Id.Value, Arrest.Id.Value], rows.Keys);
        var clashes = rows[Clashes1992.Id.Value];
        // Known to the year: ACLED's coarsest precision is the month (3); UCDP's state-based fighting is a battle of no stated sub-type.
        Assert.Equal(("1992-01-01", "1992", "3"), (clashes["event_date"], clashes["year"], clashes["time_precision"]));
        Assert.Equal(("Political violence", "Battles", ""), (clashes["disorder_type"], clashes["event_type"], clashes["sub_event_type"]));
        Assert.Equal(("Military Forces of Armenia (2018-)", "Military Forces of Azerbaijan (2003-)"), (clashes["actor1"], clashes["actor2"]));
        Assert.Equal(("", "", "", ""), (clashes["latitude"], clashes["longitude"], clashes["geo_precision"], clashes["fatalities"]));
        Assert.Equal("ACLED", clashes["source"]);
        Assert.Equal("pacta type=ucdp:state-based", clashes["tags"]);
        Assert.Equal("", clashes["timestamp"]);

        // A meeting's participants are its two sides; the host and mediator have no ACLED column.
        var meeting = rows[Talks.Id.Value];
        Assert.Equal(("", ""), (meeting["event_type"], meeting["sub_event_type"]));
        Assert.Equal(("Military Forces of Armenia (2018-)", "Military Forces of Azerbaijan (2003-)", "", ""),
            (meeting["actor1"], meeting["actor2"], meeting["assoc_actor_1"], meeting["assoc_actor_2"]));
        Assert.Equal("pacta type=plover:CONSULT", meeting["tags"]);

        // Only a place reference: the town's point, and both of its names.
        var arrest = rows[Arrest.Id.Value];
        Assert.Equal(("39.8153", "46.7519", "1"), (arrest["latitude"], arrest["longitude"], arrest["geo_precision"]));
        Assert.Equal("Khankendi / Stepanakert", arrest["location"]);
        Assert.Equal(("Military Forces of Azerbaijan (2003-)", "Nare Zeynalova"), (arrest["actor1"], arrest["actor2"]));
        Assert.Equal("Nare Zeynalova's blog; Armenpress", arrest["source"]);
    }

    [Fact]
    public void An_ACLED_row_matched_to_another_datasets_event_is_written_as_that_row_reported_it()
    {
        var acledRow = Imported(AcledRows[0]);
        var reported = new EventReport(acledRow.Title, acledRow.Type, acledRow.Start, null, acledRow.Place, acledRow.Actors, acledRow.Fatalities, acledRow.Summary);
        var fromUcdp = new Event(Id("tovuz-clash-2020"), "Clash near Tovuz", EventType.Parse("ucdp:state-based"), PartialDate.Day(2020, 7, 12), PartialDate.Day(2020, 7, 14),
            new EventPlace(null, new GeoPoint(45.6, 41.1), LocationPrecision.Near),
            [new(ArmeniaForces.Id, EventActorRole.SideA), new(AzerbaijanForces.Id, EventActorRole.SideB)],
            new Fatalities(4, 5, 9), null, "UCDP's account.", [AcledData.Id], null,
            [
                new EventOrigin(EventDataset.Ucdp, "401234", Digest),
                new EventOrigin(EventDataset.Acled, "AZE1234", Digest, "1700000000", AcledRows[0]["source"],
                    new OriginMatch("ucdp:401234", 0, 11.2, [ArmeniaForces.Id], 2, 25), reported),
            ]);
        var secondAcledRow = Variant(fromUcdp, "two-acled-rows",
            origins: [new EventOrigin(EventDataset.Acled, "AZE1", Digest, "1"), new EventOrigin(EventDataset.Acled, "AZE2", Digest, "2")]);
        using var temp = StoreWith(fromUcdp, secondAcledRow);

        var rows = Rows(Export(temp, EventExportFormat.Acled), skip: 0).Where(r => r["event_id_cnty"].StartsWith("AZE", StringComparison.Ordinal)).ToList();

        var matched = Assert.Single(rows, r => r["event_id_cnty"] == "AZE1234");
        foreach (var column in new[] { "event_date", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_2", "notes", "fatalities", "source", "timestamp", "location" })
            Assert.Equal(AcledRows[0][column], matched[column]);
        // One row for each ACLED row an event was made from.
        Assert.Equal(["AZE1", "AZE2"], rows.Where(r => r["event_id_cnty"] != "AZE1234").Select(r => r["event_id_cnty"]));
    }

    [Theory]
    [InlineData(DatePrecision.Day, 1)]
    [InlineData(DatePrecision.Week, 2)]
    [InlineData(DatePrecision.Month, 3)]
    [InlineData(DatePrecision.Year, 3)]
    public void Time_precision_follows_ACLEDs_codebook(DatePrecision precision, int code) =>
        Assert.Equal(code, AcledExport.TimePrecision(precision));

    [Theory]
    [InlineData(LocationPrecision.Exact, 1)]
    [InlineData(LocationPrecision.Near, 2)]
    [InlineData(LocationPrecision.District, 2)]
    [InlineData(LocationPrecision.Province, 3)]
    [InlineData(LocationPrecision.Area, 3)]
    [InlineData(LocationPrecision.Country, 3)]
    [InlineData(LocationPrecision.International, 3)]
    public void Geo_precision_follows_ACLEDs_codebook(LocationPrecision precision, int code) =>
        Assert.Equal(code, AcledExport.GeoPrecision(precision));

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Row(string id, string date, string timePrecision, string disorder, string type, string subType,
        string actor1, string assoc1, string actor2, string assoc2, string country, string admin1, string location, string latitude, string longitude,
        string geoPrecision, string source, string notes, string fatalities, string timestamp) => new(StringComparer.Ordinal)
        {
            ["event_id_cnty"] = id, ["event_date"] = date, ["year"] = date[..4], ["time_precision"] = timePrecision, ["disorder_type"] = disorder,
            ["event_type"] = type, ["sub_event_type"] = subType, ["actor1"] = actor1, ["assoc_actor_1"] = assoc1, ["inter1"] = "1",
            ["actor2"] = actor2, ["assoc_actor_2"] = assoc2, ["inter2"] = actor2.Length == 0 ? "" : "8", ["interaction"] = "18", ["civilian_targeting"] = "",
            ["iso"] = "31", ["region"] = "Caucasus and Central Asia", ["country"] = country, ["admin1"] = admin1, ["admin2"] = "", ["admin3"] = "",
            ["location"] = location, ["latitude"] = latitude, ["longitude"] = longitude, ["geo_precision"] = geoPrecision, ["source"] = source,
            ["source_scale"] = "National", ["notes"] = notes, ["fatalities"] = fatalities, ["tags"] = "", ["timestamp"] = timestamp,
        };

    /// <summary>An ACLED row as an import keeps it: this test's own reading of the codebook, not the exporter's.</summary>
    private static Event Imported(Dictionary<string, string> row)
    {
        var day = DateOnly.ParseExact(row["event_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = row["time_precision"] switch
        {
            "1" => PartialDate.Day(day),
            "2" => PartialDate.Week(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
            _ => PartialDate.Month(day.Year, day.Month),
        };
        Actor[] known = [AzerbaijanForces, ArmeniaForces, BorderGuard, Russia, MinskGroup];
        IEnumerable<EventActor> Side(string column, EventActorRole role) =>
            row[column].Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(name => new EventActor(known.Single(a => a.Name == name).Id, role));
        var place = new[] { Aghdam, Tovuz }.Single(p => p.Names.Any(n => n.Text == row["location"]));
        var precision = row["geo_precision"] switch { "1" => LocationPrecision.Exact, "2" => LocationPrecision.Near, _ => LocationPrecision.Province };
        return new Event(
            Id("acled-" + row["event_id_cnty"].ToLowerInvariant()),
            $"{row["sub_event_type"]} at {row["location"]}",
            EventType.Parse($"acled:{row["event_type"]}/{row["sub_event_type"]}"),
            start, null,
            new EventPlace(place.Id, new GeoPoint(Number(row["longitude"]), Number(row["latitude"])), precision),
            [.. Side("actor1", EventActorRole.SideA), .. Side("assoc_actor_1", EventActorRole.SideA), .. Side("actor2", EventActorRole.SideB), .. Side("assoc_actor_2", EventActorRole.SideB)],
            new Fatalities(null, int.Parse(row["fatalities"], CultureInfo.InvariantCulture), null),
            null, row["notes"], [AcledData.Id], null,
            [new EventOrigin(EventDataset.Acled, row["event_id_cnty"], Digest, row["timestamp"], row["source"])]);
    }
}
