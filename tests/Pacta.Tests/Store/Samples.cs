using NetTopologySuite.Geometries;
using Pacta.Model;

namespace Pacta.Tests.Store;

/// <summary>A small, consistent set of records from the Armenia–Azerbaijan process, every reference resolving.</summary>
internal static class Samples
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static RecordId Id(string value) => new(value);

    public static Source Dataset { get; } = new(Id("un-member-states"), SourceKind.Dataset, "Member States of the United Nations",
        "United Nations", null, null, null, "en", new Uri("https://www.un.org/en/about-us/member-states"), Reliability.A);

    public static Source StatementText { get; } = new(Id("kremlin-statement-2020-11-10"), SourceKind.AgreementText,
        "Statement by the President of Azerbaijan, the Prime Minister of Armenia and the President of Russia",
        "Office of the President of Russia", null, null, PartialDate.Day(2020, 11, 10), "ru", new Uri("http://kremlin.ru/events/president/news/64384"), Reliability.A);

    public static Actor Armenia { get; } = State("armenia", "Republic of Armenia", "Armenia");

    public static Actor Azerbaijan { get; } = State("azerbaijan", "Republic of Azerbaijan", "Azerbaijan");

    public static Actor Russia { get; } = State("russia", "Russian Federation", "Russia");

    public static Actor Editors { get; } = new(Id("pacta-editors"), ActorKind.Body, "Pacta editorial group", null, [], [Dataset.Id]);

    public static Place KhankendiStepanakert { get; } = new(Id("khankendi-stepanakert"), PlaceKind.Settlement,
        [
            new("Xankəndi", "az", [Azerbaijan.Id]),
            new("Khankendi", "en", [Azerbaijan.Id]),
            new("Stepanakert", "en", [Armenia.Id]),
            new("Ստեփանակերտ", "hy", [Armenia.Id]),
            new("Ханкенди", "ru", []),
            new("Степанакерт", "ru", []),
        ],
        Wgs84.CreatePoint(new Coordinate(46.7519, 39.8153)), null, null, [], null, [Dataset.Id]);

    public static Place ShushaShushi { get; } = new(Id("shusha-shushi"), PlaceKind.Settlement,
        [new("Şuşa", "az", [Azerbaijan.Id]), new("Shusha", "en", []), new("Shushi", "en", [Armenia.Id]), new("Շուշի", "hy", [Armenia.Id])],
        Wgs84.CreatePoint(new Coordinate(46.7489, 39.7583)), null, null, [], null, [Dataset.Id]);

    /// <summary>A village whose name starts with "Şuşa": found by "susa" after Şuşa itself.</summary>
    public static Place Shushakend { get; } = new(Id("shushakend"), PlaceKind.Settlement,
        [new("Şuşakənd", "az", []), new("Shushikend", "hy-Latn", [])],
        null, null, null, [], Id("khankendi-stepanakert"), [Dataset.Id]);

    /// <summary>A triangle: its bounding box reaches (47, 40), the triangle itself does not.</summary>
    public static Place Triangle { get; } = new(Id("survey-triangle"), PlaceKind.Zone,
        [new("Survey triangle", "en", [])],
        Wgs84.CreatePolygon([new(46.0, 39.0), new(47.0, 39.0), new(46.0, 40.0), new(46.0, 39.0)]),
        null, null, [], null, [Dataset.Id]);

    public static Document Statement { get; } = new(Id("trilateral-statement-2020-11-10"), DocumentKind.Statement,
        "Statement by the President of the Republic of Azerbaijan, the Prime Minister of the Republic of Armenia and the President of the Russian Federation",
        "Trilateral statement", PaxStage.Ceasefire, DocumentStatus.Signed, new DocumentDates(PartialDate.Day(2020, 11, 10), null, null, null), null,
        [new(Azerbaijan.Id, SignatoryRole.Party, null), new(Armenia.Id, SignatoryRole.Party, null), new(Russia.Id, SignatoryRole.Party, null)],
        [],
        [new(Russia.Id, "ru", null, StatementText.Id, null, null)],
        [
            new("art_1", "1", null, "A complete ceasefire and end of all hostilities from 00:00 Moscow time on 10 November 2020.",
                [Theme.Ceasefire],
                [new(Id("ts2020-ceasefire"), [Armenia.Id, Azerbaijan.Id], "cease fire and all hostilities", null, [], PartialDate.Day(2020, 11, 10), null, null, [])]),
            new("art_3", "3", null, "Russian peacekeepers deploy along the line of contact and the Lachin corridor.",
                [Theme.Peacekeeping],
                [new(Id("ts2020-peacekeepers"), [Russia.Id], "deploy a peacekeeping contingent", "along the line of contact and the Lachin corridor", [], null, null, null,
                    [new(LinkageType.ConditionalOn, Id("ts2020-ceasefire"))])]),
        ],
        [StatementText.Id]);

    public static Event Signing { get; } = new(Id("signing-2020-11-09"), "Signing of the trilateral statement",
        EventType.Parse("acled:Strategic developments/Agreement"), PartialDate.Day(2020, 11, 9), PartialDate.Day(2020, 11, 10),
        new EventPlace(null, new GeoPoint(37.6175, 55.7520), LocationPrecision.Exact),
        [new(Armenia.Id, EventActorRole.Participant), new(Azerbaijan.Id, EventActorRole.Participant), new(Russia.Id, EventActorRole.Host)],
        null, null, "The statement is signed remotely and in Moscow.", [StatementText.Id]);

    public static Assessment CeasefireHeld { get; } = new(Id("ts2020-ceasefire-2021"), Id("ts2020-ceasefire"), PartialDate.Year(2021),
        AssessmentStatus.Disputed, new PamScore(2), "Large-scale hostilities stop; incidents on the line of contact continue.",
        [Signing.Id], Editors.Id, [Dataset.Id]);

    /// <summary>Every sample, in an order where each record comes before those that cite it.</summary>
    public static IReadOnlyList<IRecord> All { get; } =
    [
        Dataset, StatementText, Armenia, Azerbaijan, Russia, Editors,
        KhankendiStepanakert, ShushaShushi, Shushakend, Triangle, Statement, Signing, CeasefireHeld,
    ];

    public static Pacta.Store.ChangeContext Context { get; } = new("test", "pacta test");

    private static Actor State(string id, string name, string shortName) =>
        new(Id(id), ActorKind.State, name, shortName, [], [Dataset.Id]);
}
