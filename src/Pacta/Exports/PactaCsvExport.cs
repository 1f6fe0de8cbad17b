using Pacta.Generation;
using Pacta.Model;

namespace Pacta.Exports;

/// <summary>
/// Pacta's own flat CSV of events, one row per event, in the model's own terms (ids, not names; precision words,
/// not codes); lists in a cell are joined by "; ". Columns: docs/exports.md.
/// </summary>
public sealed class PactaCsvExport(TextWriter output, LinkedRecords records) : EventExport(output, records)
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "title", "type", "start", "end", "date_precision", "first_day", "last_day",
        "longitude", "latitude", "location_precision", "place", "place_name", "actors",
        "fatalities_low", "fatalities_best", "fatalities_high", "meeting_format", "summary", "sources", "origins",
    ];

    private readonly string[] fields = new string[Columns.Count];

    public override void WriteHeader() => Csv.WriteRecord(Output, Columns);

    public override int Write(Event item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var f = fields;
        f[0] = item.Id.Value;
        f[1] = item.Title;
        f[2] = item.Type.ToString();
        f[3] = item.Start.ToString();
        f[4] = item.End?.ToString() ?? "";
        f[5] = Spelling(item.Start.Precision);
        f[6] = Day(item.Start.First);
        f[7] = Day(item.LastDay);
        f[8] = item.Place?.Point is { } point ? Degrees(point.Longitude) : "";
        f[9] = item.Place?.Point is { } at ? Degrees(at.Latitude) : "";
        f[10] = item.Place is { } place ? Spelling(place.Precision) : "";
        f[11] = item.Place?.Ref?.Value ?? "";
        f[12] = PlaceOf(item.Place)?.Name ?? "";
        f[13] = string.Join(ListSeparator, item.Actors.Select(a => $"{Spelling(a.Role)}:{a.Actor}"));
        f[14] = Number(item.Fatalities?.Low);
        f[15] = Number(item.Fatalities?.Best);
        f[16] = Number(item.Fatalities?.High);
        f[17] = item.Meeting is { } meeting ? meeting.Format.ToString().ToLowerInvariant() : "";
        f[18] = item.Summary ?? "";
        f[19] = string.Join(ListSeparator, item.Sources.Select(s => s.Value));
        f[20] = string.Join(ListSeparator, (item.Origins ?? []).Select(o => o.ToString()));
        Csv.WriteRecord(Output, f);
        return 1;
    }
}
