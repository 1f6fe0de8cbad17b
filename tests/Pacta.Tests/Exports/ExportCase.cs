using NetTopologySuite.Geometries;
using Pacta.Cli.Exports;
using Pacta.Exports;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Store;

namespace Pacta.Tests.Exports;

/// <summary>
/// A small store for the export tests: places nested country → region → settlement, armed forces, a state, a
/// mediator and a person, and events as an ACLED import leaves them (with origins), one matched across
/// datasets, a meeting, an arrest of a person, and text as real data has it (commas, quotes, line breaks,
/// Armenian, Azerbaijani and Russian).
/// </summary>
internal static class ExportCase
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static RecordId Id(string value) => new(value);

    /// <summary>Text a CSV writer must quote and a JSON writer escape: commas, doubled quotes, CR LF, three scripts.</summary>
    public const string MessyText = "Shelling near \"Aghdam\", Tovuz;\r\nԱղդամ, Ağdam, Агдам — \"сообщили\" 3 raz,\nend";

    public static Source AcledData { get; } = new(Id("acled-data"), SourceKind.Dataset, "ACLED data export", "ACLED", null, null, null, "en",
        new Uri("https://acleddata.com/"), Reliability.B);

    public static Source NewsReport { get; } = new(Id("armenpress-report"), SourceKind.NewsReport, "Report, \"Tovuz\"\nsecond line", "Armenpress", null, null,
        PartialDate.Day(2020, 7, 13), "hy", null, Reliability.C);

    public static Actor AzerbaijanForces { get; } = new(Id("azerbaijan-forces"), ActorKind.ArmedForce, "Military Forces of Azerbaijan (2003-)", null, [], [AcledData.Id]);

    public static Actor ArmeniaForces { get; } = new(Id("armenia-forces"), ActorKind.ArmedForce, "Military Forces of Armenia (2018-)", null, [], [AcledData.Id]);

    public static Actor BorderGuard { get; } = new(Id("armenia-border-guard"), ActorKind.ArmedForce, "Border Guard of Armenia, \"NSS\"", null, [], [AcledData.Id]);

    public static Actor Russia { get; } = new(Id("russia"), ActorKind.State, "Russian Federation", "Russia", [], [AcledData.Id]);

    public static Actor MinskGroup { get; } = new(Id("osce-minsk-group"), ActorKind.Organisation, "OSCE Minsk Group", null, [], [AcledData.Id]);

    /// <summary>A made-up person: the disclosure gate must keep every trace of her out of HXL.</summary>
    public static Actor Person { get; } = new(Id("nare-zeynalova"), ActorKind.Person, "Nare Zeynalova", null, [], [AcledData.Id]);

    /// <summary>A source whose publisher is that person: HXL names no publisher for it.</summary>
    public static Source PersonalBlog { get; } = new(Id("personal-blog"), SourceKind.Other, "A blog post", "Nare Zeynalova's blog", Person.Id, "Nare Zeynalova",
        PartialDate.Day(2023, 3, 1), "ru", null, Reliability.E);

    public static Place Country { get; } = new(Id("azerbaijan-territory"), PlaceKind.Country, [new("Azerbaijan", "en", []), new("Azərbaycan", "az", [])],
        null, null, null, [], null, [AcledData.Id]);

    public static Place Tovuz { get; } = new(Id("tovuz"), PlaceKind.Region, [new("Tovuz", "en", []), new("Tovuz", "az", [])],
        null, null, null, [], Country.Id, [AcledData.Id]);

    public static Place Aghdam { get; } = new(Id("aghdam-tovuz"), PlaceKind.Settlement,
        [new("Ağdam", "az", []), new("Aghdam", "en", []), new("Աղդամ", "hy", []), new("Агдам", "ru", [])],
        Wgs84.CreatePoint(new Coordinate(45.7, 41.0)), null, null, [], Tovuz.Id, [AcledData.Id]);

    /// <summary>A town with a name for each side: an export shows both.</summary>
    public static Place Khankendi { get; } = new(Id("khankendi-stepanakert"), PlaceKind.Settlement,
        [new("Xankəndi", "az", []), new("Khankendi", "en", []), new("Stepanakert", "en", []), new("Ստեփանակերտ", "hy", [])],
        Wgs84.CreatePoint(new Coordinate(46.7519, 39.8153)), null, null, [], null, [AcledData.Id]);

    public static string Digest { get; } = "0123456789abcdef";

    /// <summary>A meeting in Moscow: participants, a host, a mediator.</summary>
    public static Event Talks { get; } = new(Id("meeting-2021-01-11"), "Trilateral meeting in Moscow", EventType.Parse("plover:CONSULT"),
        PartialDate.Day(2021, 1, 11), null, new EventPlace(null, new GeoPoint(37.6175, 55.752), LocationPrecision.Exact),
        [
            new(ArmeniaForces.Id, EventActorRole.Participant), new(AzerbaijanForces.Id, EventActorRole.Participant),
            new(Russia.Id, EventActorRole.Host), new(MinskGroup.Id, EventActorRole.Mediator),
        ],
        null, new Meeting(MeetingFormat.Trilateral, Russia.Id, [MinskGroup.Id], [ArmeniaForces.Id, AzerbaijanForces.Id], []),
        "The leaders meet, \"in person\",\nin Moscow.", [NewsReport.Id]);

    /// <summary>An arrest of the person, in Khankendi / Stepanakert; its id names her and its note is free text.</summary>
    public static Event Arrest { get; } = new(Id("arrest-of-nare-zeynalova-2023"), "Arrest of Nare Zeynalova", EventType.Parse("acled:Strategic developments/Arrests"),
        PartialDate.Month(2023, 9), null, new EventPlace(Khankendi.Id, null, LocationPrecision.Exact),
        [new(AzerbaijanForces.Id, EventActorRole.Initiator), new(Person.Id, EventActorRole.Target)],
        null, null, "Nare Zeynalova is detained at a checkpoint.", [PersonalBlog.Id, NewsReport.Id], Note: "Private note: her family asked for discretion.");

    /// <summary>A UCDP-typed event known only to the year, with no place and no count of the dead.</summary>
    public static Event Clashes1992 { get; } = new(Id("clashes-1992"), "Clashes, 1992", EventType.Parse("ucdp:state-based"), PartialDate.Year(1992), null, null,
        [new(ArmeniaForces.Id, EventActorRole.SideA), new(AzerbaijanForces.Id, EventActorRole.SideB)], null, null, null, [AcledData.Id]);

    public static IReadOnlyList<IRecord> Records { get; } =
    [
        AcledData, NewsReport, AzerbaijanForces, ArmeniaForces, BorderGuard, Russia, MinskGroup, Person, PersonalBlog,
        Country, Tovuz, Aghdam, Khankendi, Talks, Arrest, Clashes1992,
    ];

    /// <summary>A copy of an event under another id with some fields changed (the model's records validate, so <c>with</c> does not apply).</summary>
    public static Event Variant(Event e, string id, string? title = null, string? summary = null, string? note = null, Fatalities? fatalities = null,
        IReadOnlyList<EventOrigin>? origins = null) =>
        new(Id(id), title ?? e.Title, e.Type, e.Start, e.End, e.Place, e.Actors, fatalities ?? e.Fatalities, e.Meeting, summary ?? e.Summary, e.Sources,
            note ?? e.Note, origins ?? e.Origins);

    public static ChangeContext Context { get; } = new("test", "pacta test");

    /// <summary>A store file holding the case and <paramref name="events"/>.</summary>
    public static TempStore StoreWith(params Event[] events)
    {
        var temp = new TempStore();
        using var store = temp.Open();
        store.Write([.. Records, .. events], Context);
        return temp;
    }

    /// <summary>The events of <paramref name="temp"/> that match <paramref name="filter"/>, exported in a format as the command does it.</summary>
    public static string Export(TempStore temp, EventExportFormat format, EventFilter? filter = null)
    {
        using var store = temp.Open();
        using var writer = new StringWriter();
        EventFileExport.Write(store, filter ?? new EventFilter(), format, writer);
        return writer.ToString();
    }

    /// <summary>CSV records as header name → value, read by the tests' own reader.</summary>
    public static List<Dictionary<string, string>> Rows(string csv, int skip = 0)
    {
        var records = Generation.CsvReader.Parse(csv);
        var header = records[0];
        return [.. records.Skip(1 + skip).Select(r =>
        {
            Assert.Equal(header.Count, r.Count);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        })];
    }
}
