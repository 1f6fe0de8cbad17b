using Pacta.Generation;
using Pacta.Model;

namespace Pacta.Exports;

/// <summary>
/// ACLED's 31 columns in their published order. An event imported from ACLED gets back its
/// <c>event_id_cnty</c>, <c>timestamp</c> and <c>source</c> from its ACLED origin, and, when that row was
/// matched to an incident first recorded by another dataset, what that row reported; one row is written per
/// ACLED origin. An event with no ACLED origin is one row under Pacta's id. Mappings: docs/exports.md.
/// </summary>
public sealed class AcledExport(TextWriter output, LinkedRecords records) : EventExport(output, records)
{
    private readonly string[] fields = new string[EventGenerator.AcledColumns.Count];

    public static IReadOnlyList<string> Columns => EventGenerator.AcledColumns;

    public override void WriteHeader() => Csv.WriteRecord(Output, Columns);

    public override int Write(Event item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var origins = (item.Origins ?? []).Where(o => o.Dataset == EventDataset.Acled).ToList();
        if (origins.Count == 0)
        {
            WriteRow(item.Id.Value, Told.By(item), revision: null, citation: null, item.Sources);
            return 1;
        }
        foreach (var origin in origins)
            WriteRow(origin.Key, origin.Reported is { } reported ? Told.By(reported) : Told.By(item), origin.Revision, origin.Citation, item.Sources);
        return origins.Count;
    }

    /// <summary>ACLED's <c>time_precision</c>: 1 the day, 2 within a week, 3 within a month (a year is the closest ACLED has: 3).</summary>
    public static int TimePrecision(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => 1,
        DatePrecision.Week => 2,
        DatePrecision.Month or DatePrecision.Year => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>ACLED's <c>geo_precision</c>: 1 the town itself, 2 near it or part of a region, 3 a larger region.</summary>
    public static int GeoPrecision(LocationPrecision precision) => precision switch
    {
        LocationPrecision.Exact => 1,
        LocationPrecision.Near or LocationPrecision.District => 2,
        LocationPrecision.Province or LocationPrecision.Area or LocationPrecision.Country or LocationPrecision.International => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>
    /// ACLED's event type and sub-event type for a Pacta type: an ACLED type as it is; otherwise only where the
    /// meaning is the same (an agreement signed; UCDP's fighting between organised sides, or violence against
    /// civilians), without a sub-type that would say more than the source did; else none.
    /// </summary>
    public static (string EventType, string SubEventType) Types(EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Scheme switch
        {
            EventTypeScheme.Acled => (type.Code, type.SubType ?? ""),
            EventTypeScheme.Plover when type.Code == "AGREE" => ("Strategic developments", "Agreement"),
            EventTypeScheme.Cameo when type.Code == "057" => ("Strategic developments", "Agreement"),
            EventTypeScheme.Ucdp when type.Code is "state-based" or "non-state" => ("Battles", ""),
            EventTypeScheme.Ucdp when type.Code == "one-sided" => ("Violence against civilians", ""),
            _ => ("", ""),
        };
    }

    /// <summary>ACLED's disorder type, which follows from its event type.</summary>
    public static string DisorderType(string acledEventType) => acledEventType switch
    {
        "Battles" or "Explosions/Remote violence" or "Violence against civilians" => "Political violence",
        "Protests" or "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "",
    };

    private void WriteRow(string id, Told told, string? revision, string? citation, IReadOnlyList<RecordId> sources)
    {
        var (eventType, subType) = Types(told.Type);
        var (side1, side2) = Sides(told.Actors);
        var place = PlaceNamesOf(told.Place);
        var point = PointOf(told.Place);
        var f = fields;
        f[0] = id;
        f[1] = Day(told.Start.First);
        f[2] = Number(told.Start.First.Year);
        f[3] = Number(TimePrecision(told.Start.Precision));
        f[4] = DisorderType(eventType);
        f[5] = eventType;
        f[6] = subType;
        f[7] = side1.Count > 0 ? ActorName(side1[0]) : "";
        f[8] = string.Join(ListSeparator, side1.Skip(1).Select(ActorName));
        f[9] = ""; // inter1: Pacta does not keep ACLED's actor categories, and guessing one would speak for ACLED
        f[10] = side2.Count > 0 ? ActorName(side2[0]) : "";
        f[11] = string.Join(ListSeparator, side2.Skip(1).Select(ActorName));
        f[12] = "";
        f[13] = "";
        f[14] = "";
        f[15] = "";
        f[16] = "";
        f[17] = place.Country ?? "";
        f[18] = place.Admin1 ?? "";
        f[19] = place.Admin2 ?? "";
        f[20] = place.Admin3 ?? "";
        f[21] = place.Location ?? "";
        f[22] = point is null ? "" : Degrees(point.Latitude);
        f[23] = point is null ? "" : Degrees(point.Longitude);
        f[24] = told.Place is { } p ? Number(GeoPrecision(p.Precision)) : "";
        f[25] = citation ?? string.Join(ListSeparator, sources.Select(SourceName).Distinct(StringComparer.Ordinal));
        f[26] = "";
        f[27] = told.Summary ?? "";
        f[28] = Number(told.Fatalities?.Best);
        f[29] = told.Type.Scheme == EventTypeScheme.Acled ? "" : $"pacta type={told.Type}";
        f[30] = revision ?? "";
        Csv.WriteRecord(Output, f);
    }

    /// <summary>
    /// ACLED's two sides: side A and initiators first, side B and targets second (ACLED's actor1 and actor2 do not
    /// mean attacker and target, and neither do these). Actors in other roles fill a side left empty, in order.
    /// </summary>
    private static (List<RecordId> Side1, List<RecordId> Side2) Sides(IReadOnlyList<EventActor> actors)
    {
        var side1 = actors.Where(a => a.Role is EventActorRole.SideA or EventActorRole.Initiator).Select(a => a.Actor).ToList();
        var side2 = actors.Where(a => a.Role is EventActorRole.SideB or EventActorRole.Target).Select(a => a.Actor).ToList();
        var others = new Queue<RecordId>(actors
            .Where(a => a.Role is not (EventActorRole.SideA or EventActorRole.Initiator or EventActorRole.SideB or EventActorRole.Target))
            .Select(a => a.Actor));
        if (side1.Count == 0 && others.TryDequeue(out var first)) side1.Add(first);
        if (side2.Count == 0 && others.TryDequeue(out var second)) side2.Add(second);
        return (side1, side2);
    }

    /// <summary>How ACLED names a source: by its publisher, else by its title.</summary>
    private string SourceName(RecordId id) => Records.Source(id) is { } source ? source.Publisher ?? source.Title : id.Value;

    /// <summary>What an event, or one dataset row of it, says.</summary>
    private sealed record Told(EventType Type, PartialDate Start, EventPlace? Place, IReadOnlyList<EventActor> Actors, Fatalities? Fatalities, string? Summary)
    {
        public static Told By(Event e) => new(e.Type, e.Start, e.Place, e.Actors, e.Fatalities, e.Summary);

        public static Told By(EventReport r) => new(r.Type, r.Start, r.Place, r.Actors, r.Fatalities, r.Summary);
    }
}
