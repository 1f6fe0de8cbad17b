using System.Globalization;
using Pacta.Exports;
using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Exports.ExportCase;

namespace Pacta.Tests.Exports;

/// <summary><c>pacta export hxl</c> (with its hashtag row and disclosure gate) and <c>pacta export csv</c> (Pacta's own columns).</summary>
public sealed class HxlAndCsvExportTests
{
    [Fact]
    public void HXL_has_a_hashtag_row_under_the_header_with_the_tags_partners_read()
    {
        using var temp = StoreWith();

        var records = Generation.CsvReader.Parse(Export(temp, EventExportFormat.Hxl));

        Assert.Equal(2 + 3, records.Count);
        var tags = records[1];
        Assert.All(tags, tag => Assert.Matches("^#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*$", tag));
        foreach (var expected in new[] { "#date+start", "#event+type", "#adm1+name", "#geo+lat", "#geo+lon", "#affected+killed", "#org+name", "#meta+source" })
            Assert.Contains(expected, tags);
        Assert.Equal(records[0].Count, tags.Count);
        Assert.Equal(tags.Count, tags.Distinct().Count());
    }

    [Fact]
    public void HXL_keeps_persons_free_text_and_personal_publishers_out()
    {
        var messy = Variant(Talks, "messy-meeting", summary: MessyText, title: "Talks, \"round 3\"", note: "Note: off the record");
        using var temp = StoreWith(messy);

        var text = Export(temp, EventExportFormat.Hxl);

        // Not the person's name, nor her id, nor the titles, summaries and notes (which may name people), nor source titles.
        foreach (var secret in new[] { "Nare", "Zeynalova", "zeynalova", Arrest.Title, Arrest.Summary!, Arrest.Note!, MessyText, "round 3", "off the record",
                     Talks.Summary!, "Report, ", "blog" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);

        var rows = Rows(text, skip: 1);
        var arrest = Assert.Single(rows, r => r["start"] == "2023-09-01");
        Assert.Matches("^event-[0-9a-f]{12}$", arrest["event_id"]);
        Assert.Equal("Military Forces of Azerbaijan (2003-)", arrest["organisations"]);
        Assert.Equal("Armenpress", arrest["sources"]);
        Assert.Equal(("2023-09-30", "month"), (arrest["end"], arrest["date_precision"]));
        Assert.Equal("Khankendi / Stepanakert", arrest["location"]);

        // Events that name no person keep their ids and every organisation.
        var meeting = Assert.Single(rows, r => r["event_id"] == Talks.Id.Value);
        Assert.Equal("Military Forces of Armenia (2018-); Military Forces of Azerbaijan (2003-); Russian Federation; OSCE Minsk Group", meeting["organisations"]);
        Assert.Equal("plover:CONSULT", meeting["event_type"]);
    }

    [Fact]
    public void HXL_gives_deaths_and_the_administrative_areas_a_place_lies_in()
    {
        var shelling = new Event(Id("shelling-aghdam-2020"), "Shelling of Aghdam", EventType.Parse("acled:Explosions/Remote violence/Shelling/artillery/missile attack"),
            PartialDate.Day(2020, 7, 14), null, new EventPlace(Aghdam.Id, null, LocationPrecision.Near),
            [new(ArmeniaForces.Id, EventActorRole.SideA)], new Fatalities(1, 2, 4), null, null, [NewsReport.Id]);
        using var temp = StoreWith(shelling);

        var row = Assert.Single(Rows(Export(temp, EventExportFormat.Hxl), skip: 1), r => r["event_id"] == "shelling-aghdam-2020");

        Assert.Equal(("2", "1", "4"), (row["killed"], row["killed_low"], row["killed_high"]));
        Assert.Equal(("Azerbaijan", "Tovuz", "", "Aghdam"), (row["country"], row["admin1"], row["admin2"], row["location"]));
        Assert.Equal((41.0, 45.7), (double.Parse(row["latitude"], CultureInfo.InvariantCulture), double.Parse(row["longitude"], CultureInfo.InvariantCulture)));
        Assert.Equal("near", row["location_precision"]);
    }

    [Fact]
    public void Pacta_CSV_has_the_models_fields_and_messy_text_reads_back_whole()
    {
        var messy = Variant(Talks, "messy-meeting", title: "Talks, \"round 3\"\nМосква", summary: MessyText);
        using var temp = StoreWith(messy);

        var rows = Rows(Export(temp, EventExportFormat.Csv)).ToDictionary(r => r["id"]);

        Assert.Equal(["clashes-1992", "meeting-2021-01-11", "messy-meeting", Arrest.Id.Value], rows.Keys);
        var read = rows["messy-meeting"];
        Assert.Equal(messy.Title, read["title"]);
        Assert.Equal(MessyText, read["summary"]);
        Assert.Equal("participant:armenia-forces; participant:azerbaijan-forces; host:russia; mediator:osce-minsk-group", read["actors"]);
        Assert.Equal(("37.6175", "55.752", "exact", ""), (read["longitude"], read["latitude"], read["location_precision"], read["place"]));
        Assert.Equal("trilateral", read["meeting_format"]);

        var arrest = rows[Arrest.Id.Value];
        Assert.Equal(("2023-09", "", "month", "2023-09-01", "2023-09-30"), (arrest["start"], arrest["end"], arrest["date_precision"], arrest["first_day"], arrest["last_day"]));
        Assert.Equal(("khankendi-stepanakert", "Khankendi / Stepanakert", "", ""), (arrest["place"], arrest["place_name"], arrest["longitude"], arrest["latitude"]));
        Assert.Equal("personal-blog; armenpress-report", arrest["sources"]);
        Assert.Equal(("", "", ""), (arrest["fatalities_low"], arrest["fatalities_best"], arrest["fatalities_high"]));
    }

    [Fact]
    public void Pacta_CSV_names_each_origin()
    {
        var imported = Variant(Clashes1992, "imported-1992", fatalities: new Fatalities(10, 12, 30),
            origins: [new EventOrigin(EventDataset.Ucdp, "1992-77", Digest), new EventOrigin(EventDataset.Acled, "ARM9", Digest)]);
        using var temp = StoreWith(imported);

        var row = Assert.Single(Rows(Export(temp, EventExportFormat.Csv)), r => r["id"] == "imported-1992");

        Assert.Equal("ucdp:1992-77; acled:ARM9", row["origins"]);
        Assert.Equal(("10", "12", "30"), (row["fatalities_low"], row["fatalities_best"], row["fatalities_high"]));
    }

    [Fact]
    public void Filters_select_the_same_events_in_every_format()
    {
        using var temp = StoreWith();
        var filter = new EventFilter(From: new DateOnly(2021, 1, 1), Type: "plover:CONSULT");

        Assert.Equal([Talks.Id.Value], Rows(Export(temp, EventExportFormat.Csv, filter)).Select(r => r["id"]));
        Assert.Equal([Talks.Id.Value], Rows(Export(temp, EventExportFormat.Acled, filter)).Select(r => r["event_id_cnty"]));
        Assert.Equal([Talks.Id.Value], Rows(Export(temp, EventExportFormat.Hxl, filter), skip: 1).Select(r => r["event_id"]));
        Assert.Single(Export(temp, EventExportFormat.Plover, filter).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
