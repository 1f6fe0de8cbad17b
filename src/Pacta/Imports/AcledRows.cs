using System.Globalization;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>
/// ACLED rows (FORMATS.md; older files without <c>disorder_type</c>, <c>civilian_targeting</c>, <c>admin3</c>
/// or <c>tags</c> read as well). Mapping, written out in docs/importing.md:
/// <c>event_id_cnty</c> is the key; <c>time_precision</c> 1, 2, 3 give a day, the ISO week of the date and its month;
/// <c>geo_precision</c> 1, 2, 3 give exact, near and province; <c>actor1</c> and <c>assoc_actor_1</c> are side A,
/// <c>actor2</c> and <c>assoc_actor_2</c> side B (ACLED's order says nothing of who attacked); <c>fatalities</c>
/// is the best estimate, with no low or high; <c>notes</c> the summary; <c>source</c> the citation;
/// <c>timestamp</c> the revision.
/// </summary>
public sealed class AcledRows(string file) : CsvEventRows(file)
{
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "latitude", "longitude", "geo_precision", "fatalities"];

    private static readonly IReadOnlyList<string> Digested =
        [.. RequiredColumns, "assoc_actor_1", "actor2", "assoc_actor_2", "admin1", "location", "notes", "source"];

    /// <summary>Digested too when the row names its place: the place columns read since the names are kept (docs/importing.md).</summary>
    private static readonly IReadOnlyList<string> PlaceDigested = ["country", "admin2", "admin3"];

    protected override IReadOnlyCollection<string> Required => RequiredColumns;

    protected override IReadOnlyList<string> DigestColumns => Digested;

    protected override ImportedEvent Map(Row row)
    {
        var key = row.Required("event_id_cnty");
        var day = Day(row, "event_date");
        var start = row.Integer("time_precision", 1, 3) switch
        {
            1 => PartialDate.Day(day),
            2 => PartialDate.Week(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
            _ => PartialDate.Month(day.Year, day.Month),
        };
        var eventType = row.Required("event_type");
        var subType = row.Required("sub_event_type");
        if (!EventType.TryParse($"acled:{eventType}/{subType}", out var type, out var error))
            throw new FieldException(EventType.AcledTypes.ContainsKey(eventType) ? "sub_event_type" : "event_type", error);
        var latitude = row.Coordinate("latitude", 90);
        var longitude = row.Coordinate("longitude", 180);
        var precision = row.Integer("geo_precision", 1, 3) switch
        {
            1 => LocationPrecision.Exact,
            2 => LocationPrecision.Near,
            _ => LocationPrecision.Province,
        };
        var actors = new List<NamedActor>();
        _ = row.Required("actor1"); // a required column: empty, the row is refused like any other
        Add(actors, row, "actor1", EventActorRole.SideA, split: false);
        Add(actors, row, "assoc_actor_1", EventActorRole.SideA, split: true);
        Add(actors, row, "actor2", EventActorRole.SideB, split: false);
        Add(actors, row, "assoc_actor_2", EventActorRole.SideB, split: true);
        var fatalities = row.Integer("fatalities", 0, 1_000_000);
        var names = PlaceNames(row, "location", "country", "admin1", "admin2", "admin3");
        var place = Distinct(row.Optional("location"), row.Optional("admin1"), row.Optional("country"));
        var title = place.Length == 0 ? subType : $"{subType}: {place}";
        var citation = row.Check("source", () => Guard.OptionalText(row.Optional("source"), "citation"));
        var digest = Digest(row, names is null ? null : PlaceDigested);
        var origin = row.Check("event_id_cnty", () => new EventOrigin(EventDataset.Acled, key, digest, row.Optional("timestamp"), citation));
        return new ImportedEvent(
            row.Line, origin,
            row.Check("location", () => Guard.Text(title, "title", 500)),
            type, start, null,
            new GeoPoint(longitude, latitude), precision, actors,
            new Fatalities(null, fatalities, null),
            row.Check("notes", () => Guard.OptionalText(row.Optional("notes"), "notes")),
            names);
    }

    /// <summary>The names that are there, each once, joined by commas: the place in the title.</summary>
    private static string Distinct(string? location, string? admin1, string? country)
    {
        var text = location ?? "";
        if (admin1 is not null && admin1 != location) text = text.Length == 0 ? admin1 : $"{text}, {admin1}";
        if (country is not null && country != location && country != admin1) text = text.Length == 0 ? country : $"{text}, {country}";
        return text;
    }

    private static void Add(List<NamedActor> actors, Row row, string column, EventActorRole role, bool split)
    {
        if (row.Optional(column) is not { } text) return;
        foreach (var name in split ? text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [text])
        {
            var checkedName = row.Check(column, () => Guard.Text(name, "name", 300));
            if (!Named(actors, checkedName)) actors.Add(new NamedActor(checkedName, role));
        }
    }

    private static bool Named(List<NamedActor> actors, string name)
    {
        foreach (var actor in actors)
        {
            if (actor.Name == name) return true;
        }
        return false;
    }
}
