using Pacta.Generation;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>
/// UCDP GED rows (FORMATS.md), with or without a header row (a release without one is read in the published
/// order of its 49 columns). Mapping, written out in docs/importing.md: <c>id</c> is the key; <c>date_start</c>
/// and <c>date_end</c> give the event's days (its span when they differ); <c>where_prec</c> 1–7 give exact,
/// near (within 25 km), district, province, area (a road or river), country and international (water or
/// airspace); <c>side_a</c> and <c>side_b</c> are the sides; <c>low</c>, <c>best</c>, <c>high</c> the deaths;
/// <c>type_of_violence</c> 1–3 the type; <c>source_article</c> the citation; <c>source_headline</c> the summary.
/// </summary>
public sealed class UcdpRows(string file) : CsvEventRows(file)
{
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["id", "type_of_violence", "side_a", "side_b", "where_prec", "latitude", "longitude", "date_prec", "date_start", "date_end", "best"];

    private static readonly IReadOnlyList<string> Digested =
        [.. RequiredColumns, "low", "high", "dyad_name", "where_coordinates", "adm_1", "country", "source_article", "source_headline"];

    /// <summary>Digested too when the row names its place: the place column read since the names are kept (docs/importing.md).</summary>
    private static readonly IReadOnlyList<string> PlaceDigested = ["adm_2"];

    protected override IReadOnlyCollection<string> Required => RequiredColumns;

    protected override IReadOnlyList<string>? PublishedOrder => EventGenerator.UcdpColumns;

    protected override IReadOnlyList<string> DigestColumns => Digested;

    protected override ImportedEvent Map(Row row)
    {
        var key = row.Required("id");
        if (!long.TryParse(key, out var number) || number <= 0) throw new FieldException("id", $"'{Row.Shorten(key)}' is not a UCDP event id (a positive whole number)");
        var type = EventType.Parse("ucdp:" + EventType.UcdpTypes[row.Integer("type_of_violence", 1, 3) - 1]);
        var precision = row.Integer("where_prec", 1, 7) switch
        {
            1 => LocationPrecision.Exact,
            2 => LocationPrecision.Near,
            3 => LocationPrecision.District,
            4 => LocationPrecision.Province,
            5 => LocationPrecision.Area,
            6 => LocationPrecision.Country,
            _ => LocationPrecision.International,
        };
        var latitude = row.Coordinate("latitude", 90);
        var longitude = row.Coordinate("longitude", 180);
        row.Integer("date_prec", 1, 5);
        var first = Day(row, "date_start");
        var last = Day(row, "date_end");
        if (last < first) throw new FieldException("date_end", $"{last:yyyy-MM-dd} is before date_start {first:yyyy-MM-dd}");
        var best = row.Integer("best", 0, 10_000_000);
        var low = row.OptionalInteger("low", 0, 10_000_000);
        var high = row.OptionalInteger("high", 0, 10_000_000);
        if (low > best) throw new FieldException("low", $"{low} is above best ({best})");
        if (high < best) throw new FieldException("high", $"{high} is below best ({best})");
        var actors = new List<NamedActor>
        {
            new(row.Check("side_a", () => Guard.Text(row.Required("side_a"), "name", 300)), EventActorRole.SideA),
        };
        var sideB = row.Check("side_b", () => Guard.Text(row.Required("side_b"), "name", 300));
        if (sideB != actors[0].Name) actors.Add(new(sideB, EventActorRole.SideB));
        var where = row.Optional("where_coordinates") ?? row.Optional("adm_1") ?? row.Optional("country");
        var dyad = row.Optional("dyad_name") ?? $"{actors[0].Name} – {sideB}";
        var title = where is null ? dyad : $"{dyad}: {where}";
        if (title.Length > 500) title = title[..499] + "…";
        var citation = row.Check("source_article", () => Guard.OptionalText(row.Optional("source_article"), "citation"));
        var names = PlaceNames(row, "where_coordinates", "country", "adm_1", "adm_2");
        var digest = Digest(row, names is null ? null : PlaceDigested);
        var origin = row.Check("id", () => new EventOrigin(EventDataset.Ucdp, key, digest, null, citation));
        return new ImportedEvent(
            row.Line, origin,
            row.Check("dyad_name", () => Guard.Text(title, "title", 500)),
            type, PartialDate.Day(first), first == last ? null : PartialDate.Day(last),
            new GeoPoint(longitude, latitude), precision, actors,
            new Fatalities(low, best, high),
            row.Check("source_headline", () => Guard.OptionalText(row.Optional("source_headline"), "summary")),
            names);
    }
}
