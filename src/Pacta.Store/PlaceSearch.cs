using System.Globalization;
using NetTopologySuite.Geometries;
using Pacta.Model;
using Pacta.Places;

namespace Pacta.Store;

/// <summary>What both stores' place searches share: the order of a name search's matches, and the box of a spatial one checked.</summary>
internal static class PlaceSearch
{
    /// <summary>The query as a name search compares it (<see cref="NameFolding"/>): "susa" finds Şuşa; null when nothing is left to look for.</summary>
    public static string? Folded(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var folded = NameFolding.Fold(query.Trim());
        return folded.Length == 0 ? null : folded;
    }

    /// <summary>
    /// Places with a name that contains the folded query (<see cref="Folded"/>): "khankendi" and "Ստեփանակերտ" find the
    /// same city. Exact matches come first, then names that start with the query, then the rest; within each, the
    /// shortest matching name first. The store says in its own SQL whether <c>folded</c> starts with <c>@q</c> and
    /// whether it contains it.
    /// </summary>
    public static List<Place> ByName(ISqlSession db, RecordBook records, string folded, string startsWith, string contains)
    {
        var ids = db.Query(
            $"""
            SELECT place_id,
                   MIN(CASE WHEN folded = @q THEN 0 WHEN {startsWith} THEN 1 ELSE 2 END) AS rank,
                   MIN(length(folded)) AS shortest
            FROM place_name
            WHERE {contains}
            GROUP BY place_id
            ORDER BY rank, shortest, place_id
            """,
            r => new RecordId(r.GetString(0)), ("q", folded));
        return ids.Select(id => (Place)records.Load(db, id)!).ToList();
    }

    /// <summary>The box a spatial search asks for, checked.</summary>
    /// <exception cref="ArgumentException">A corner is not a finite number, or the minimum lies beyond the maximum.</exception>
    public static Envelope Box(double minLon, double minLat, double maxLon, double maxLat)
    {
        if (!double.IsFinite(minLon) || !double.IsFinite(minLat) || !double.IsFinite(maxLon) || !double.IsFinite(maxLat))
            throw new ArgumentException("the box's corners must be finite numbers");
        if (minLon > maxLon || minLat > maxLat)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the box's minimum ({minLon}, {minLat}) lies beyond its maximum ({maxLon}, {maxLat})"));
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }
}
