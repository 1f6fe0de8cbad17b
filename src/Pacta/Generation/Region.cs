namespace Pacta.Generation;

/// <summary>A place events are generated at: a real settlement with its province or district and rough coordinates.</summary>
public sealed record GeneratedPlace(string Country, string Admin1, string Admin2, string Location, double Latitude, double Longitude, string Local);

/// <summary>An actor as event datasets name it, with ACLED's actor category (inter code: 1 state forces … 8 external/other forces).</summary>
public sealed record GeneratedActor(string Name, int Inter, string Country);

/// <summary>The Armenia–Azerbaijan region as the generator knows it: places, actors, sources and words for notes.</summary>
public static class Region
{
    /// <summary>Rough extents (south, west, north, east) of the two countries; every generated point lies inside its country's.</summary>
    public static readonly IReadOnlyDictionary<string, (double South, double West, double North, double East)> Extents =
        new Dictionary<string, (double, double, double, double)>
        {
            ["Armenia"] = (38.84, 43.45, 41.30, 46.63),
            ["Azerbaijan"] = (38.39, 44.77, 41.91, 50.63),
        };

    public static readonly IReadOnlyDictionary<string, (int Iso, string Iso3, int Gwno)> Codes =
        new Dictionary<string, (int, string, int)>
        {
            ["Armenia"] = (51, "ARM", 371),
            ["Azerbaijan"] = (31, "AZE", 373),
        };

    // Provinces (marzer) of Armenia and districts (rayonlar) or cities of Azerbaijan, with a settlement in each;
    // the last field is the settlement's name in the country's own language.
    public static readonly IReadOnlyList<GeneratedPlace> Places =
    [
        new("Armenia", "Yerevan", "Kentron", "Yerevan", 40.1811, 44.5136, "Երևան"),
        new("Armenia", "Syunik", "Goris", "Goris", 39.5111, 46.3386, "Գորիս"),
        new("Armenia", "Syunik", "Kapan", "Kapan", 39.2075, 46.4058, "Կապան"),
        new("Armenia", "Syunik", "Meghri", "Agarak", 38.9250, 46.2000, "Ագարակ"),
        new("Armenia", "Syunik", "Sisian", "Ishkhanasar", 39.5600, 46.0500, "Իշխանասար"),
        new("Armenia", "Vayots Dzor", "Jermuk", "Jermuk", 39.8411, 45.6697, "Ջերմուկ"),
        new("Armenia", "Gegharkunik", "Vardenis", "Sotk", 40.2030, 45.9230, "Սոթք"),
        new("Armenia", "Gegharkunik", "Vardenis", "Vardenis", 40.1806, 45.7203, "Վարդենիս"),
        new("Armenia", "Tavush", "Berd", "Chinari", 40.9500, 45.4600, "Չինարի"),
        new("Armenia", "Tavush", "Ijevan", "Ijevan", 40.8750, 45.1490, "Իջևան"),
        new("Armenia", "Tavush", "Noyemberyan", "Baghanis", 41.0650, 45.0150, "Բաղանիս"),
        new("Armenia", "Ararat", "Ararat", "Yeraskh", 39.7800, 44.8100, "Երասխ"),
        new("Armenia", "Shirak", "Gyumri", "Gyumri", 40.7894, 43.8475, "Գյումրի"),
        new("Armenia", "Lori", "Vanadzor", "Vanadzor", 40.8128, 44.4883, "Վանաձոր"),
        new("Armenia", "Kotayk", "Abovyan", "Abovyan", 40.2739, 44.6256, "Աբովյան"),
        new("Armenia", "Armavir", "Armavir", "Armavir", 40.1550, 44.0380, "Արմավիր"),
        new("Armenia", "Aragatsotn", "Ashtarak", "Ashtarak", 40.2990, 44.3620, "Աշտարակ"),
        new("Azerbaijan", "Baku", "Sabail", "Baku", 40.3700, 49.8350, "Bakı"),
        new("Azerbaijan", "Ganja", "", "Ganja", 40.6828, 46.3606, "Gəncə"),
        new("Azerbaijan", "Tartar", "", "Tartar", 40.3420, 46.9300, "Tərtər"),
        new("Azerbaijan", "Aghdam", "", "Aghdam", 39.9930, 46.9300, "Ağdam"),
        new("Azerbaijan", "Fuzuli", "", "Fuzuli", 39.6000, 47.1450, "Füzuli"),
        new("Azerbaijan", "Jabrayil", "", "Jabrayil", 39.3990, 47.0260, "Cəbrayıl"),
        new("Azerbaijan", "Zangilan", "", "Zangilan", 39.0850, 46.6520, "Zəngilan"),
        new("Azerbaijan", "Gubadli", "", "Gubadli", 39.3440, 46.5790, "Qubadlı"),
        new("Azerbaijan", "Lachin", "", "Lachin", 39.6380, 46.5460, "Laçın"),
        new("Azerbaijan", "Kalbajar", "", "Kalbajar", 40.1050, 46.0380, "Kəlbəcər"),
        new("Azerbaijan", "Gazakh", "", "Gazakh", 41.0930, 45.3660, "Qazax"),
        new("Azerbaijan", "Tovuz", "", "Tovuz", 40.9920, 45.6280, "Tovuz"),
        new("Azerbaijan", "Nakhchivan", "Sadarak", "Sadarak", 39.7190, 44.8840, "Sədərək"),
        new("Azerbaijan", "Nakhchivan", "Nakhchivan City", "Nakhchivan", 39.2089, 45.4122, "Naxçıvan"),
    ];

    // Names of actors of the bundled case (data/south-caucasus/actors.yaml) and actors named as ACLED names them.
    public static readonly IReadOnlyList<GeneratedActor> Armed =
    [
        new("Armed Forces of the Republic of Armenia", 1, "Armenia"),
        new("Armed Forces of the Republic of Azerbaijan", 1, "Azerbaijan"),
        new("Military Forces of Armenia (2018-)", 1, "Armenia"),
        new("Military Forces of Azerbaijan (2003-)", 1, "Azerbaijan"),
        new("Armenian forces in and around Nagorno-Karabakh (1991–2023)", 2, "Azerbaijan"),
        new("Border Guard Service of the Federal Security Service of the Russian Federation", 8, "Armenia"),
        new("Peacekeeping contingent of the Russian Federation in Nagorno-Karabakh", 8, "Azerbaijan"),
        new("Unidentified Armed Group (Azerbaijan)", 3, "Azerbaijan"),
    ];

    public static readonly IReadOnlyList<GeneratedActor> Police =
    [
        new("Police Forces of Armenia (2018-)", 1, "Armenia"),
        new("Police Forces of Azerbaijan (2003-)", 1, "Azerbaijan"),
    ];

    public static readonly IReadOnlyList<GeneratedActor> Others =
    [
        new("De facto authorities of Nagorno-Karabakh", 8, "Azerbaijan"),
        new("Mine Action Agency of the Republic of Azerbaijan", 1, "Azerbaijan"),
        new("Joint Russian-Turkish Monitoring Center", 8, "Azerbaijan"),
        new("Commission on State Border Delimitation and Border Security of the Republic of Armenia", 1, "Armenia"),
        new("State Commission on the Delimitation of the State Border between the Republic of Azerbaijan and the Republic of Armenia", 1, "Azerbaijan"),
        new("International Committee of the Red Cross", 8, ""),
        new("OSCE Minsk Group", 8, ""),
        new("Government of Armenia (2018-)", 1, "Armenia"),
        new("Government of Azerbaijan (2003-)", 1, "Azerbaijan"),
    ];

    public static readonly IReadOnlyList<string> AssociatedActors =
    [
        "Women ({0})", "Refugees/IDPs ({0})", "Students ({0})", "Labor Group ({0})", "Journalists ({0})",
        "Civic Contract", "ARF: Armenian Revolutionary Federation", "Popular Front Party of Azerbaijan", "Musavat Party",
        "Armenian Apostolic Christian Group ({0})",
    ];

    public static readonly IReadOnlyList<string> Sources =
    [
        "Armenpress", "APA", "Trend", "Report.az", "news.am", "Azatutyun", "Caucasian Knot", "JAMnews", "OC Media",
        "Ministry of Defence of Armenia", "Ministry of Defence of Azerbaijan", "RFE/RL", "Interfax", "TASS", "Twitter",
        "Hetq", "CivilNet", "Turan", "Meydan TV",
    ];

    public static readonly IReadOnlyList<string> SourceScales =
    [
        "National", "National", "National", "Regional", "International", "National-Regional", "National-International",
        "Other-National", "New media", "New media-National",
    ];

    /// <summary>Snippets in the region's scripts, as notes and headlines quote them.</summary>
    public static readonly IReadOnlyList<string> Quotes =
    [
        "Պաշտպանության նախարարություն", "հրադադարի խախտում", "Müdafiə Nazirliyi", "atəşkəs rejimi pozulub",
        "Министерство обороны", "нарушение режима прекращения огня", "по данным «Кавказского узла»",
    ];
}
