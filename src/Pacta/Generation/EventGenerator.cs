using System.Globalization;

namespace Pacta.Generation;

/// <summary>The event file layouts the generator writes.</summary>
public enum EventFileFormat
{
    Acled,
    Ucdp,
}

/// <summary>
/// Writes realistic, messy event rows in ACLED's or UCDP GED's CSV layout (../shared formats: columns in the
/// published order) for tests and benchmarks of importers: Armenia–Azerbaijan places and actors, dates
/// 1991–2025 (ACLED's from 2018, when it starts covering the region) with their precision codes, low ≤ best ≤ high fatalities, and text as real files hold it (commas,
/// quotes and line breaks inside fields, Armenian, Azerbaijani and Russian snippets, empty optional cells).
/// Rows are written one at a time (constant memory); the same seed gives the same bytes.
/// </summary>
public sealed class EventGenerator
{
    public static readonly IReadOnlyList<string> AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    public static readonly IReadOnlyList<string> UcdpColumns =
    [
        "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
        "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
        "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
        "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
        "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
        "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
        "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
    ];

    public static readonly DateOnly FirstDate = new(1991, 1, 1);
    public static readonly DateOnly LastDate = new(2025, 12, 31);

    /// <summary>ACLED covers the South Caucasus from 2018; its rows start there.</summary>
    public static readonly DateOnly FirstAcledDate = new(2018, 1, 1);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Type, string Disorder, string[] SubTypes)[] AcledTypes =
    [
        ("Battles", "Political violence", ["Armed clash", "Armed clash", "Armed clash", "Government regains territory", "Non-state actor overtakes territory"]),
        ("Explosions/Remote violence", "Political violence", ["Shelling/artillery/missile attack", "Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Chemical weapon"]),
        ("Violence against civilians", "Political violence", ["Attack", "Abduction/forced disappearance", "Sexual violence"]),
        ("Protests", "Demonstrations", ["Peaceful protest", "Peaceful protest", "Protest with intervention", "Excessive force against protesters"]),
        ("Riots", "Demonstrations", ["Violent demonstration", "Mob violence"]),
        ("Strategic developments", "Strategic developments", ["Agreement", "Non-violent transfer of territory", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Other"]),
    ];

    // How often each event type comes up, in the order above (the region's ACLED rows are mostly shelling and clashes).
    private static readonly int[] AcledTypeWeights = [25, 35, 5, 20, 3, 12];

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private readonly SeededRandom random;
    private readonly EventFileFormat format;
    private readonly string[] fields;
    private long row;

    public EventGenerator(EventFileFormat format, long seed)
    {
        this.format = format;
        random = new SeededRandom(seed);
        fields = new string[Columns(format).Count];
    }

    public static IReadOnlyList<string> Columns(EventFileFormat format) => format == EventFileFormat.Acled ? AcledColumns : UcdpColumns;

    /// <summary>Writes the header (unless <paramref name="header"/> is false) and <paramref name="rows"/> rows, reporting progress now and then.</summary>
    public static void Write(TextWriter output, EventFileFormat format, long rows, long seed, bool header = true, Action<long>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var generator = new EventGenerator(format, seed);
        if (header) Csv.WriteRecord(output, Columns(format));
        for (long i = 1; i <= rows; i++)
        {
            Csv.WriteRecord(output, generator.NextRow());
            if (progress is not null && (i % 8192 == 0 || i == rows)) progress(i);
        }
    }

    /// <summary>The next row's fields (the same array each time: copy it to keep it).</summary>
    public IReadOnlyList<string> NextRow()
    {
        row++;
        if (format == EventFileFormat.Acled) FillAcled();
        else FillUcdp();
        return fields;
    }

    private void FillAcled()
    {
        var date = RandomDate(FirstAcledDate, LastDate);
        var typeIndex = Weighted(AcledTypeWeights);
        var (eventType, disorder, subTypes) = AcledTypes[typeIndex];
        var subType = random.Pick(subTypes);
        var place = random.Pick(Region.Places);
        var (iso, iso3, _) = Region.Codes[place.Country];

        GeneratedActor actor1;
        GeneratedActor? actor2 = null;
        var civilians = new GeneratedActor($"Civilians ({place.Country})", 7, place.Country);
        switch (eventType)
        {
            case "Battles":
                actor1 = random.Pick(Region.Armed);
                actor2 = OpposingArmed(actor1);
                break;
            case "Explosions/Remote violence":
                actor1 = random.Pick(Region.Armed);
                actor2 = random.Next(3) switch { 0 => civilians, 1 => OpposingArmed(actor1), _ => null };
                break;
            case "Violence against civilians":
                actor1 = random.Pick(Region.Armed);
                actor2 = civilians;
                break;
            case "Protests":
                actor1 = new GeneratedActor($"Protesters ({place.Country})", 6, place.Country);
                if (subType != "Peaceful protest") actor2 = Police(place.Country);
                break;
            case "Riots":
                actor1 = new GeneratedActor($"Rioters ({place.Country})", 5, place.Country);
                actor2 = random.Chance(0.5) ? Police(place.Country) : (subType == "Mob violence" ? civilians : null);
                break;
            default:
                actor1 = random.Chance(0.5) ? random.Pick(Region.Others) : random.Pick(Region.Armed);
                if (subType is "Agreement" or "Non-violent transfer of territory" or "Arrests") actor2 = random.Chance(0.5) ? random.Pick(Region.Others) : OpposingArmed(actor1);
                break;
        }

        var fatalities = eventType switch
        {
            "Battles" => Skewed(60),
            "Explosions/Remote violence" => random.Chance(0.8) ? 0 : Skewed(25),
            "Violence against civilians" => random.Chance(0.6) ? 0 : Skewed(5),
            "Riots" => random.Chance(0.95) ? 0 : 1,
            _ => 0,
        };
        var interaction = actor2 is null
            ? actor1.Inter * 10
            : Math.Min(actor1.Inter, actor2.Inter) * 10 + Math.Max(actor1.Inter, actor2.Inter);
        var (latitude, longitude) = Jitter(place);
        var geoPrecision = random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
        var lastChange = date.AddDays(random.Next(400));
        if (lastChange > LastDate) lastChange = LastDate;

        var f = fields;
        f[0] = iso3 + (row + 1000).ToString(Invariant);
        f[1] = random.Chance(0.9) ? date.ToString("yyyy-MM-dd", Invariant) : $"{date.Day:00} {Months[date.Month - 1]} {date.Year}";
        f[2] = date.Year.ToString(Invariant);
        f[3] = (random.Next(10) switch { < 8 => 1, < 9 => 2, _ => 3 }).ToString(Invariant);
        f[4] = disorder;
        f[5] = eventType;
        f[6] = subType;
        f[7] = actor1.Name;
        f[8] = random.Chance(0.2) ? Associated(place.Country) : "";
        f[9] = actor1.Inter.ToString(Invariant);
        f[10] = actor2?.Name ?? "";
        f[11] = actor2 is not null && random.Chance(0.1) ? Associated(place.Country) : "";
        f[12] = actor2?.Inter.ToString(Invariant) ?? "";
        f[13] = interaction.ToString(Invariant);
        f[14] = actor2 == civilians ? "Civilian targeting" : "";
        f[15] = iso.ToString(Invariant);
        f[16] = "Caucasus and Central Asia";
        f[17] = place.Country;
        f[18] = place.Admin1;
        f[19] = place.Admin2;
        f[20] = "";
        f[21] = random.Chance(0.03) ? place.Location + " " : place.Location;
        f[22] = latitude.ToString("F4", Invariant);
        f[23] = longitude.ToString("F4", Invariant);
        f[24] = geoPrecision.ToString(Invariant);
        f[25] = SourceList();
        f[26] = random.Pick(Region.SourceScales);
        f[27] = Notes(date, actor1.Name, actor2?.Name, place, subType, fatalities);
        f[28] = fatalities.ToString(Invariant);
        f[29] = eventType == "Protests" ? (random.Chance(0.7) ? "crowd size=no report" : $"crowd size=around {random.Between(2, 60) * 10}") : "";
        f[30] = new DateTimeOffset(lastChange.ToDateTime(new TimeOnly(random.Next(24), random.Next(60), random.Next(60))), TimeSpan.Zero)
            .ToUnixTimeSeconds().ToString(Invariant);
    }

    private void FillUcdp()
    {
        var datePrecision = random.Next(20) switch { < 12 => 1, < 15 => 2, < 17 => 3, < 19 => 4, _ => 5 };
        var start = RandomDate(FirstDate, LastDate);
        var end = start;
        switch (datePrecision)
        {
            case 2: end = start.AddDays(random.Between(1, 6)); break;
            case 3: end = start.AddDays(random.Between(6, 7)); break;
            case 4: start = new DateOnly(start.Year, start.Month, 1); end = start.AddMonths(1).AddDays(-1); break;
            case 5: start = new DateOnly(start.Year, 1, 1); end = new DateOnly(start.Year, 12, 31); break;
        }
        if (end > LastDate) end = LastDate;

        var type = random.Next(20) switch { < 15 => 1, < 16 => 2, _ => 3 };
        var place = random.Pick(Region.Places);
        var (_, iso3, gwno) = Region.Codes[place.Country];
        var interstate = start.Year >= 2021 || random.Chance(0.1);
        string conflict, sideA, sideB;
        int conflictId, gwnoB;
        if (type == 1 && interstate)
        {
            (conflict, conflictId, sideA, sideB, gwnoB) = ("Armenia - Azerbaijan", 13692, "Government of Azerbaijan", "Government of Armenia", 371);
        }
        else if (type == 1)
        {
            (conflict, conflictId, sideA, sideB, gwnoB) = ("Azerbaijan: Nagorno-Karabakh", 388, "Government of Azerbaijan", "Republic of Artsakh", 0);
        }
        else if (type == 2)
        {
            (conflict, conflictId, sideA, sideB, gwnoB) = ("Armenian militia - Azerbaijani militia", 10730, "Armenian militia", "Azerbaijani militia", 0);
        }
        else
        {
            var perpetrator = random.Chance(0.5) ? "Government of Azerbaijan" : "Republic of Artsakh";
            (conflict, conflictId, sideA, sideB, gwnoB) = (perpetrator + " - civilians", perpetrator.StartsWith("Gov", StringComparison.Ordinal) ? 1180 : 1181, perpetrator, "Civilians", 0);
        }
        // Conflict, dyad and side ids are illustrative, not UCDP's own.
        var dyadId = conflictId + 400;

        var deaths = new int[4];
        var total = type == 3 ? random.Between(1, 12) : Skewed(40) + 1;
        for (var i = 0; i < total; i++)
        {
            var side = type == 3 ? (random.Chance(0.9) ? 2 : 3) : random.Next(4);
            deaths[side]++;
        }
        var best = total;
        var low = random.Chance(0.7) ? best : random.Between(Math.Max(0, best / 2), best);
        var high = random.Chance(0.6) ? best : best + random.Between(1, Math.Max(1, best));

        var (latitude, longitude) = Jitter(place);
        var wherePrecision = random.Next(20) switch { < 9 => 1, < 13 => 2, < 15 => 3, < 17 => 4, < 19 => 6, _ => 5 };
        var priogrid = ((int)Math.Floor((latitude + 90) * 2)) * 720 + (int)Math.Floor((longitude + 180) * 2) + 1;
        var sourceCount = random.Between(1, 4);
        var where = $"{place.Location} {(place.Country == "Armenia" ? "village" : "town")}";

        var f = fields;
        var id = 100000 + row;
        f[0] = id.ToString(Invariant);
        f[1] = $"{iso3}-{start.Year}-{type}-{dyadId}-{row}";
        f[2] = start.Year.ToString(Invariant);
        f[3] = random.Chance(0.9) ? "1" : "0";
        f[4] = "Clear";
        f[5] = type.ToString(Invariant);
        f[6] = conflictId.ToString(Invariant);
        f[7] = conflictId.ToString(Invariant);
        f[8] = conflict;
        f[9] = dyadId.ToString(Invariant);
        f[10] = dyadId.ToString(Invariant);
        f[11] = $"{sideA} - {sideB}";
        f[12] = (conflictId + 100).ToString(Invariant);
        f[13] = (conflictId + 100).ToString(Invariant);
        f[14] = sideA;
        f[15] = type == 3 ? "1" : (conflictId + 101).ToString(Invariant);
        f[16] = f[15];
        f[17] = sideB;
        f[18] = sourceCount.ToString(Invariant);
        f[19] = SourceArticles(sourceCount, start);
        f[20] = string.Join(";", Enumerable.Range(0, sourceCount).Select(_ => random.Pick(Region.Sources)));
        f[21] = string.Join(";", Enumerable.Range(0, sourceCount).Select(i => start.AddDays(i).ToString("yyyy-MM-dd", Invariant)));
        f[22] = Headline(sideA, sideB, place);
        f[23] = random.Chance(0.3) ? "" : random.Pick(Region.Sources);
        f[24] = wherePrecision.ToString(Invariant);
        f[25] = random.Chance(0.05) ? place.Local : where;
        f[26] = random.Chance(0.2) ? $"near {place.Location}, on the line of contact; \"heights\" above the {place.Admin1} road" : where;
        f[27] = place.Country == "Armenia" ? $"{place.Admin1} province" : $"{place.Admin1} district";
        f[28] = place.Admin2.Length == 0 || random.Chance(0.5) ? "" : place.Admin2;
        f[29] = latitude.ToString("F4", Invariant);
        f[30] = longitude.ToString("F4", Invariant);
        f[31] = $"POINT ({f[30]} {f[29]})";
        f[32] = priogrid.ToString(Invariant);
        f[33] = place.Country;
        f[34] = gwno.ToString(Invariant);
        f[35] = "Europe";
        f[36] = random.Chance(0.85) ? "1" : "2";
        f[37] = datePrecision.ToString(Invariant);
        f[38] = start.ToString("yyyy-MM-dd", Invariant);
        f[39] = end.ToString("yyyy-MM-dd", Invariant);
        f[40] = deaths[0].ToString(Invariant);
        f[41] = deaths[1].ToString(Invariant);
        f[42] = deaths[2].ToString(Invariant);
        f[43] = deaths[3].ToString(Invariant);
        f[44] = best.ToString(Invariant);
        f[45] = high.ToString(Invariant);
        f[46] = low.ToString(Invariant);
        f[47] = sideA.StartsWith("Government of Armenia", StringComparison.Ordinal) ? "371" : sideA.StartsWith("Government of Azerbaijan", StringComparison.Ordinal) ? "373" : "";
        f[48] = gwnoB == 0 ? "" : gwnoB.ToString(Invariant);
    }

    private DateOnly RandomDate(DateOnly first, DateOnly last) => first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    private int Weighted(int[] weights)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (pick < weights[i]) return i;
            pick -= weights[i];
        }
        return weights.Length - 1;
    }

    /// <summary>Mostly small counts, now and then large ones, at most <paramref name="max"/>.</summary>
    private int Skewed(int max)
    {
        var u = random.NextDouble();
        return (int)Math.Floor(max * u * u * u * u);
    }

    private GeneratedActor OpposingArmed(GeneratedActor actor)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var other = random.Pick(Region.Armed);
            if (other.Country != actor.Country && other.Inter != 8 || attempt == 7 && other != actor) return other;
        }
        return Region.Armed[actor.Country == "Armenia" ? 1 : 0];
    }

    private GeneratedActor Police(string country) => Region.Police.First(p => p.Country == country);

    // Rounded to the four decimals written, so values derived from a point (its PRIO-GRID cell) match the point as read back.
    private (double Latitude, double Longitude) Jitter(GeneratedPlace place) =>
        (Math.Round(place.Latitude + (random.NextDouble() - 0.5) * 0.06, 4), Math.Round(place.Longitude + (random.NextDouble() - 0.5) * 0.06, 4));

    private string Associated(string country)
    {
        var first = string.Format(Invariant, random.Pick(Region.AssociatedActors), country);
        return random.Chance(0.3) ? first + "; " + string.Format(Invariant, random.Pick(Region.AssociatedActors), country) : first;
    }

    private string SourceList()
    {
        var first = random.Pick(Region.Sources);
        return random.Chance(0.35) ? first + "; " + random.Pick(Region.Sources) : first;
    }

    private string Notes(DateOnly date, string actor1, string? actor2, GeneratedPlace place, string subType, int fatalities)
    {
        var when = $"On {date.Day} {Months[date.Month - 1]} {date.Year}";
        var what = actor2 is null
            ? $"{when}, {actor1} ({subType.ToLowerInvariant()}) near {place.Location} ({place.Admin1})."
            : $"{when}, {actor1} and {actor2} ({subType.ToLowerInvariant()}) near {place.Location}, {place.Admin1}.";
        var text = $"{what} {(fatalities == 0 ? "No fatalities reported." : $"{fatalities} fatalities reported.")}";
        if (random.Chance(0.15)) text += $" The ministry said: \"positions were fired at, again, with small arms\".";
        if (random.Chance(0.08)) text += $" Local name: {place.Local}; {random.Pick(Region.Quotes)}.";
        if (random.Chance(0.05)) text += random.Chance(0.5) ? "\nUpdate: figures revised by the source." : "\r\n[size=no report]";
        if (random.Chance(0.01)) text = "";
        return text;
    }

    private string SourceArticles(int count, DateOnly date)
    {
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var source = random.Pick(Region.Sources);
            parts[i] = random.Chance(0.1)
                ? $"{source},\"{random.Pick(Region.Quotes)}\",{date:yyyy-MM-dd}"
                : $"{source},{date.AddDays(i):yyyy-MM-dd}";
        }
        return string.Join(";", parts);
    }

    private string Headline(string sideA, string sideB, GeneratedPlace place)
    {
        if (random.Chance(0.05)) return "";
        var text = sideB == "Civilians"
            ? $"Civilians killed near {place.Location}, {sideA} blamed"
            : $"{sideA} accuses {sideB} of shelling near {place.Location}";
        if (random.Chance(0.15)) text = $"\"{text}\", officials say";
        if (random.Chance(0.08)) text += $" ({random.Pick(Region.Quotes)})";
        if (random.Chance(0.04)) text += "\nSecond report: " + place.Local;
        return text;
    }
}
