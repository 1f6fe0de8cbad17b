using System.Globalization;
using Pacta.Generation;

namespace Pacta.Tests.Generation;

/// <summary>The event generator: exact headers, rows that parse back whole, determinism, plausible values and messy text.</summary>
public sealed class EventGeneratorTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Rough extents of the two countries (south, west, north, east), from their borders.
    private static readonly Dictionary<string, (double S, double W, double N, double E)> Extents = new()
    {
        ["Armenia"] = (38.8, 43.4, 41.35, 46.7),
        ["Azerbaijan"] = (38.35, 44.7, 41.95, 50.9),
    };

    private static readonly HashSet<string> ArmenianProvinces =
        ["Aragatsotn", "Ararat", "Armavir", "Gegharkunik", "Kotayk", "Lori", "Shirak", "Syunik", "Tavush", "Vayots Dzor", "Yerevan"];

    private static string Generate(EventFileFormat format, long rows, long seed, bool header = true)
    {
        using var writer = new StringWriter();
        EventGenerator.Write(writer, format, rows, seed, header);
        return writer.ToString();
    }

    private static List<Dictionary<string, string>> Rows(EventFileFormat format, long rows, long seed)
    {
        var records = CsvReader.Parse(Generate(format, rows, seed));
        var header = records[0];
        return records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public void AcledHeader_IsTheCodebooksColumnsInOrder()
    {
        const string expected = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
        Assert.StartsWith(expected + "\r\n", Generate(EventFileFormat.Acled, 1, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void UcdpHeader_HasTheFortyNineGedColumnsInOrder()
    {
        const string expected = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";
        Assert.Equal(49, expected.Split(',').Length);
        Assert.StartsWith(expected + "\r\n", Generate(EventFileFormat.Ucdp, 1, 1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EventFileFormat.Acled, 31)]
    [InlineData(EventFileFormat.Ucdp, 49)]
    public void EveryRow_ParsesBackToTheRightNumberOfFields(EventFileFormat format, int columns)
    {
        var records = CsvReader.Parse(Generate(format, 3000, 42));
        Assert.Equal(3001, records.Count);
        Assert.All(records, r => Assert.Equal(columns, r.Count));
    }

    [Fact]
    public void WithoutHeader_TheFirstLineIsARow()
    {
        var records = CsvReader.Parse(Generate(EventFileFormat.Ucdp, 5, 3, header: false));
        Assert.Equal(5, records.Count);
        Assert.Equal("100001", records[0][0]);
        Assert.Equal(CsvReader.Parse(Generate(EventFileFormat.Ucdp, 5, 3)).Skip(1), records);
    }

    [Theory]
    [InlineData(EventFileFormat.Acled)]
    [InlineData(EventFileFormat.Ucdp)]
    public void SameSeed_SameText_OtherSeed_OtherText(EventFileFormat format)
    {
        Assert.Equal(Generate(format, 500, 9), Generate(format, 500, 9));
        Assert.NotEqual(Generate(format, 500, 9), Generate(format, 500, 10));
    }

    [Fact]
    public void FewerRows_AreAPrefixOfMoreRows()
    {
        // Streaming: row k does not depend on how many rows follow it.
        Assert.StartsWith(Generate(EventFileFormat.Acled, 100, 5), Generate(EventFileFormat.Acled, 200, 5), StringComparison.Ordinal);
    }

    [Fact]
    public void AcledValues_AreInRangeAndConsistent()
    {
        var subTypes = new Dictionary<string, string[]>
        {
            ["Battles"] = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
            ["Explosions/Remote violence"] = ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Chemical weapon"],
            ["Violence against civilians"] = ["Attack", "Abduction/forced disappearance", "Sexual violence"],
            ["Protests"] = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
            ["Riots"] = ["Violent demonstration", "Mob violence"],
            ["Strategic developments"] = ["Agreement", "Non-violent transfer of territory", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Other"],
        };
        var rows = Rows(EventFileFormat.Acled, 3000, 11);
        Assert.Equal(rows.Count, rows.Select(r => r["event_id_cnty"]).Distinct().Count());
        foreach (var r in rows)
        {
            var date = DateOnly.TryParseExact(r["event_date"], "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var iso)
                ? iso
                : DateOnly.ParseExact(r["event_date"], "dd MMMM yyyy", Invariant);
            Assert.InRange(date, new DateOnly(1991, 1, 1), new DateOnly(2025, 12, 31));
            Assert.Equal(date.Year.ToString(Invariant), r["year"]);
            Assert.Contains(r["time_precision"], new[] { "1", "2", "3" });
            Assert.Contains(r["geo_precision"], new[] { "1", "2", "3" });
            Assert.Contains(r["sub_event_type"], subTypes[r["event_type"]]);
            Assert.StartsWith(r["country"] == "Armenia" ? "ARM" : "AZE", r["event_id_cnty"], StringComparison.Ordinal);
            Assert.Equal(r["country"] == "Armenia" ? "51" : "31", r["iso"]);
            InCountry(r["country"], r["latitude"], r["longitude"]);
            if (r["country"] == "Armenia") Assert.Contains(r["admin1"], ArmenianProvinces);
            else Assert.NotEmpty(r["admin1"]);
            Assert.InRange(int.Parse(r["fatalities"], Invariant), 0, 1000);
            var inter1 = int.Parse(r["inter1"], Invariant);
            var interaction = int.Parse(r["interaction"], Invariant);
            if (r["actor2"].Length == 0) Assert.Equal(inter1 * 10, interaction);
            else
            {
                var inter2 = int.Parse(r["inter2"], Invariant);
                Assert.Equal(Math.Min(inter1, inter2) * 10 + Math.Max(inter1, inter2), interaction);
            }
            var changed = DateTimeOffset.FromUnixTimeSeconds(long.Parse(r["timestamp"], Invariant));
            Assert.True(DateOnly.FromDateTime(changed.UtcDateTime) >= date, $"{r["event_id_cnty"]}: changed before it happened");
        }
    }

    [Fact]
    public void UcdpValues_AreInRangeAndConsistent()
    {
        var rows = Rows(EventFileFormat.Ucdp, 3000, 12);
        foreach (var r in rows)
        {
            var start = DateOnly.ParseExact(r["date_start"], "yyyy-MM-dd", Invariant);
            var end = DateOnly.ParseExact(r["date_end"], "yyyy-MM-dd", Invariant);
            Assert.InRange(start, new DateOnly(1991, 1, 1), new DateOnly(2025, 12, 31));
            Assert.InRange(end.DayNumber - start.DayNumber, 0, 365);
            if (r["date_prec"] == "1") Assert.Equal(start, end);
            Assert.Equal(start.Year.ToString(Invariant), r["year"]);
            Assert.InRange(int.Parse(r["date_prec"], Invariant), 1, 5);
            Assert.InRange(int.Parse(r["where_prec"], Invariant), 1, 7);
            Assert.Contains(r["event_clarity"], new[] { "1", "2" });
            Assert.Contains(r["type_of_violence"], new[] { "1", "2", "3" });
            InCountry(r["country"], r["latitude"], r["longitude"]);
            Assert.Equal($"POINT ({r["longitude"]} {r["latitude"]})", r["geom_wkt"]);
            var low = int.Parse(r["low"], Invariant);
            var best = int.Parse(r["best"], Invariant);
            var high = int.Parse(r["high"], Invariant);
            Assert.True(low <= best && best <= high, $"{r["id"]}: low {low}, best {best}, high {high}");
            var parts = new[] { "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown" }.Sum(c => int.Parse(r[c], Invariant));
            Assert.Equal(best, parts);
            // PRIO-GRID: half-degree cells numbered from (-90, -180), 720 to a row.
            var lat = double.Parse(r["latitude"], Invariant);
            var lon = double.Parse(r["longitude"], Invariant);
            Assert.Equal((int)Math.Floor((lat + 90) * 2) * 720 + (int)Math.Floor((lon + 180) * 2) + 1, int.Parse(r["priogrid_gid"], Invariant));
        }
    }

    [Theory]
    [InlineData(EventFileFormat.Acled)]
    [InlineData(EventFileFormat.Ucdp)]
    public void ManyRows_HoldMessyText(EventFileFormat format)
    {
        var records = CsvReader.Parse(Generate(format, 3000, 77)).Skip(1).SelectMany(r => r).ToList();
        Assert.Contains(records, f => f.Contains(','));
        Assert.Contains(records, f => f.Contains('"'));
        Assert.Contains(records, f => f.Contains('\n'));
        Assert.Contains(records, f => f.Any(c => c is >= '\u0530' and <= '\u058F')); // Armenian
        Assert.Contains(records, f => f.Any(c => c is >= '\u0400' and <= '\u04FF')); // Cyrillic
        Assert.Contains(records, f => f.Contains('ə'));                               // Azerbaijani
        Assert.Contains(records, f => f.Length == 0);
    }

    [Fact]
    public void Actors_IncludeTheBundledCasesActorsByName()
    {
        var bundled = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus", "actors.yaml"))
            .Where(l => l.StartsWith("  name: ", StringComparison.Ordinal))
            .Select(l => l["  name: ".Length..].Trim())
            .ToHashSet();
        var actors = Rows(EventFileFormat.Acled, 3000, 13).SelectMany(r => new[] { r["actor1"], r["actor2"] }).ToHashSet();
        var fromCase = actors.Where(bundled.Contains).ToList();
        Assert.True(fromCase.Count >= 5, $"only {fromCase.Count} of the case's actors appear: {string.Join("; ", fromCase)}");
        Assert.Contains(actors, a => a.StartsWith("Protesters (", StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_WouldCatchABrokenRecord()
    {
        // Guards the checks above: the test reader rejects what a wrong writer would produce.
        Assert.Throws<FormatException>(() => CsvReader.Parse("a,b\"c\"\r\n"));
        Assert.Throws<FormatException>(() => CsvReader.Parse("a,\"b\r\n"));
        Assert.Equal([["a", "b,\"c\"\nd"]], CsvReader.Parse("a,\"b,\"\"c\"\"\nd\"\r\n"));
    }

    private static void InCountry(string country, string latitude, string longitude)
    {
        var (s, w, n, e) = Extents[country];
        Assert.InRange(double.Parse(latitude, Invariant), s, n);
        Assert.InRange(double.Parse(longitude, Invariant), w, e);
    }
}
