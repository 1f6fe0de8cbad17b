using System.Globalization;
using Pacta.Model;

namespace Pacta.Exports;

/// <summary>The file formats events are exported in (docs/exports.md).</summary>
public enum EventExportFormat { Acled, Plover, Hxl, Csv }

/// <summary>
/// Writes events in one format, one at a time as they are read from the store: a header first, then the rows
/// of each event. Nothing is kept between events but the <see cref="LinkedRecords"/> they refer to.
/// </summary>
public abstract class EventExport
{
    protected EventExport(TextWriter output, LinkedRecords records)
    {
        Output = output ?? throw new ArgumentNullException(nameof(output));
        Records = records ?? throw new ArgumentNullException(nameof(records));
    }

    protected TextWriter Output { get; }

    protected LinkedRecords Records { get; }

    public static EventExport For(EventExportFormat format, TextWriter output, LinkedRecords records) => format switch
    {
        EventExportFormat.Acled => new AcledExport(output, records),
        EventExportFormat.Plover => new PloverExport(output, records),
        EventExportFormat.Hxl => new HxlExport(output, records),
        EventExportFormat.Csv => new PactaCsvExport(output, records),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static EventExportFormat? Parse(string name) => name switch
    {
        "acled" => EventExportFormat.Acled,
        "plover" => EventExportFormat.Plover,
        "hxl" => EventExportFormat.Hxl,
        "csv" => EventExportFormat.Csv,
        _ => null,
    };

    /// <summary>Writes what comes before the first event (a header row, HXL's hashtag row); nothing for JSON Lines.</summary>
    public abstract void WriteHeader();

    /// <summary>Writes one event; returns how many rows (lines) it took.</summary>
    public abstract int Write(Event item);

    /// <summary>What the export left out and why, for the command to report (HXL's disclosure gate); empty when nothing.</summary>
    public virtual IReadOnlyList<string> Withheld => [];

    /// <summary>Lists inside one cell are joined by this: ids and names do not contain it.</summary>
    protected const string ListSeparator = "; ";

    protected static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    protected static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A coordinate as the shortest text that reads back as the same number.</summary>
    protected static string Degrees(double value) => value.ToString("R", Invariant);

    protected static string Number(int? value) => value?.ToString(Invariant) ?? "";

    protected static string Spelling(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Week => "week",
        DatePrecision.Month => "month",
        DatePrecision.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    protected static string Spelling(LocationPrecision precision) => precision switch
    {
        LocationPrecision.Exact => "exact",
        LocationPrecision.Near => "near",
        LocationPrecision.District => "district",
        LocationPrecision.Province => "province",
        LocationPrecision.Area => "area",
        LocationPrecision.Country => "country",
        LocationPrecision.International => "international",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    protected static string Spelling(EventActorRole role) => role switch
    {
        EventActorRole.SideA => "side-a",
        EventActorRole.SideB => "side-b",
        EventActorRole.Initiator => "initiator",
        EventActorRole.Target => "target",
        EventActorRole.Mediator => "mediator",
        EventActorRole.Host => "host",
        EventActorRole.Participant => "participant",
        EventActorRole.Observer => "observer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The place's summary, if the event names a place the store holds.</summary>
    protected PlaceSummary? PlaceOf(EventPlace? place) => place?.Ref is { } id ? Records.Place(id) : null;

    /// <summary>
    /// The names for a format's place columns: those the dataset that gave the place wrote, as it wrote them (an
    /// imported event's first row, or the row an origin reports); else, for a place of the store, its neutral name
    /// and the country, region and district it lies within.
    /// </summary>
    protected PlaceColumns PlaceNamesOf(EventPlace? place)
    {
        if (place?.AsWritten is { } written) return new(written.Name, written.Area(0), written.Area(1), written.Area(2), written.Area(3));
        var summary = PlaceOf(place);
        return new(summary?.Name, summary?.Country, summary?.Region, summary?.District, null);
    }

    /// <summary>A place's names as export columns: the spot, the country and the areas below it.</summary>
    protected readonly record struct PlaceColumns(string? Location, string? Country, string? Admin1, string? Admin2, string? Admin3);

    /// <summary>The event's own point, else a point for its place.</summary>
    protected GeoPoint? PointOf(EventPlace? place) => place?.Point ?? PlaceOf(place)?.Point;

    /// <summary>An actor's name, or its id when the store has no such actor.</summary>
    protected string ActorName(RecordId id) => Records.Actor(id)?.Name ?? id.Value;
}
