using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetTopologySuite.Geometries;
using Pacta.Model;
using Pacta.Places;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Places;

/// <summary>A place with all its names, what it lies within, events there and claims about it.</summary>
public sealed class PlaceModel(IStore store) : PageModel
{
    /// <summary>The newest events listed; the map counts the rest.</summary>
    public const int MaxEvents = 100;

    public Place Place { get; private set; } = null!;
    public NamingPolicy Policy { get; private set; } = NamingPolicy.All;
    public RecordNames Names { get; private set; } = null!;
    public Place? Within { get; private set; }
    public IReadOnlyList<Event> Events { get; private set; } = [];
    public IReadOnlyList<Claim> Claims { get; private set; } = [];

    /// <summary>The line this place is a version of and every version of it (this place included), side by side; none when it has no versions.</summary>
    public IReadOnlyList<Place> Versions { get; private set; } = [];

    public IActionResult OnGet(string id, string? naming)
    {
        if (!RecordId.IsValid(id) || store.Find(new RecordId(id)) is not Place place) return NotFound();
        Place = place;
        Policy = NamingPolicy.Parse(naming) ?? NamingPolicy.All;
        Names = new RecordNames(store);
        Within = place.Within is { } w ? store.Find(w) as Place : null;
        Events = EventsAt(place);
        Versions = VersionsOf(place);
        Claims = store.All<Claim>().Where(c => c.Subject == place.Id).OrderBy(c => c.Asserter).ThenBy(c => c.Date).ToList();
        return Page();
    }

    private List<Place> VersionsOf(Place place)
    {
        var root = place.VersionOf ?? place.Id;
        var family = store.All<Place>().Where(p => p.Id == root || p.VersionOf == root).ToList();
        return family.Count > 1 ? [.. family.OrderBy(p => p.Id != root).ThenBy(p => p.Id.Value, StringComparer.Ordinal)] : [];
    }

    /// <summary>Events referring to the place, or with a point inside its area: the box narrows, the geometry decides.</summary>
    private List<Event> EventsAt(Place place)
    {
        if (place.Geometry is not { } geometry) return [];
        var e = geometry.EnvelopeInternal;
        var box = new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
        return store.QueryEvents(new EventFilter(Box: box), Stores.MaxPageSize, newestFirst: true).Events
            .Where(ev => ev.Place?.Ref == place.Id
                         || (ev.Place?.Point is { } p && geometry.Dimension == Dimension.Surface && geometry.Covers(new Point(p.Longitude, p.Latitude))))
            .Take(MaxEvents)
            .ToList();
    }
}
