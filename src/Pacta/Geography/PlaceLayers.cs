using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Json;
using Pacta.Model;

namespace Pacta.Geography;

/// <summary>
/// Places as layers of features for GIS formats: one layer per kind of place (its kebab-case name: <c>country</c>,
/// <c>enclave</c>, <c>border-segment</c>, <c>route</c> …). Each feature keeps every name of its place, with language
/// and users, and carries its geodesic length (lines) or area (polygons), the unit in the property's name.
/// </summary>
public static class PlaceLayers
{
    public static string NameOf(PlaceKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<PlaceKind>().Select(NameOf).ToList();

    public static PlaceKind? KindOf(string layer) =>
        Enum.GetValues<PlaceKind>().Cast<PlaceKind?>().FirstOrDefault(k => NameOf(k!.Value) == layer);

    /// <summary>The places with a geometry, grouped by layer in a stable order (layers by name, places by id).</summary>
    public static IEnumerable<(string Layer, IReadOnlyList<Place> Places)> Group(IEnumerable<Place> places, string? only = null) =>
        places.Where(p => p.Geometry is not null)
            .GroupBy(p => NameOf(p.Kind))
            .Where(g => only is null || g.Key == only)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Place>)g.OrderBy(p => p.Id.Value, StringComparer.Ordinal).ToList()));

    /// <summary>A place's attributes: scalars, lists as JSON arrays.</summary>
    public static JsonObject Properties(Place place)
    {
        var geometry = place.Geometry!;
        var properties = new JsonObject
        {
            ["id"] = place.Id.Value,
            ["kind"] = NameOf(place.Kind),
            ["name"] = place.AllNames,
            ["names"] = JsonSerializer.SerializeToNode(place.Names, PactaJson.Options),
        };
        if (place.Status is { } status) properties["status"] = JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
        if (place.HeldBy is { } heldBy) properties["heldBy"] = heldBy.Value;
        if (place.ClaimedBy.Count > 0) properties["claimedBy"] = new JsonArray(place.ClaimedBy.Select(c => (JsonNode?)c.Value).ToArray());
        if (place.Within is { } within) properties["within"] = within.Value;
        if (geometry.Dimension == NetTopologySuite.Geometries.Dimension.Curve) properties["lengthKm"] = Round(Measures.Length(geometry) / 1000);
        if (geometry.Dimension == NetTopologySuite.Geometries.Dimension.Surface) properties["areaKm2"] = Round(Measures.Area(geometry) / 1e6);
        properties["sources"] = new JsonArray(place.Sources.Select(s => (JsonNode?)s.Value).ToArray());
        if (place.Note is { } note) properties["note"] = note;
        return properties;
    }

    /// <summary>The languages of the names, in order: a GIS table gets one column per language (<c>name_hy</c> …).</summary>
    public static IReadOnlyList<string> Languages(IEnumerable<Place> places) =>
        places.SelectMany(p => p.Names).Select(n => n.Lang).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>A place's names in one language, joined with " / " when there are several; null when none.</summary>
    public static string? NamesIn(Place place, string lang)
    {
        var names = place.Names.Where(n => n.Lang == lang).Select(n => n.Text).ToList();
        return names.Count == 0 ? null : string.Join(" / ", names);
    }

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
