using Pacta.Geography;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>
/// When a row of one dataset tells of an incident a row of another dataset has already recorded, so that the
/// two become one event with two origins. All of these must hold (docs/importing.md):
/// <list type="number">
/// <item>the event has no origin from the row's dataset (one dataset never tells the same incident twice);</item>
/// <item>their date spans, each as wide as its precision, overlap or lie at most <see cref="MaxDays"/> apart;</item>
/// <item>both have a point, and they lie at most <see cref="MaxKm"/> apart, plus an allowance for each point's
/// precision (near or district 25 km, province or area 50 km); a point known only to the country or beyond
/// is too vague to match at all;</item>
/// <item>they name at least one actor in common, an actor counting as the actor it is part of (a state's armed
/// forces as the state).</item>
/// </list>
/// Of several candidates the nearest in days, then in kilometres, is taken.
/// </summary>
public sealed record EventMatching(int MaxDays = 1, double MaxKm = 10)
{
    public int MaxDays { get; } = MaxDays is >= 0 and <= 366 ? MaxDays : throw new ArgumentOutOfRangeException(nameof(MaxDays), MaxDays, "the days allowed apart must lie within 0..366");

    public double MaxKm { get; } = MaxKm is >= 0 and <= 1000 ? MaxKm : throw new ArgumentOutOfRangeException(nameof(MaxKm), MaxKm, "the kilometres allowed apart must lie within 0..1000");

    /// <summary>The greatest distance two points of any precision may match at: how wide a store must look for candidates.</summary>
    public double SearchKm => MaxKm + 2 * Allowance(LocationPrecision.Province)!.Value;

    /// <summary>Why <paramref name="row"/> tells of the incident <paramref name="candidate"/> records, or null when it does not.</summary>
    /// <param name="sideOf">The actor an actor counts as (itself, or the actor it is part of).</param>
    public OriginMatch? Match(Event row, Event candidate, Func<RecordId, RecordId> sideOf)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(candidate);
        var origin = row.Origins?[0] ?? throw new ArgumentException("the row's event has no origin", nameof(row));
        if (candidate.Origins is not { } origins || origins.Any(o => o.Dataset == origin.Dataset)) return null;

        var gap = Math.Max(row.Start.First.DayNumber - candidate.LastDay.DayNumber, candidate.Start.First.DayNumber - row.LastDay.DayNumber);
        var daysApart = Math.Max(gap, 0);
        if (daysApart > MaxDays) return null;

        if (row.Place is not { Point: { } a } rowPlace || candidate.Place is not { Point: { } b } candidatePlace) return null;
        if (Allowance(rowPlace.Precision) is not { } rowAllowance || Allowance(candidatePlace.Precision) is not { } candidateAllowance) return null;
        var allowed = MaxKm + rowAllowance + candidateAllowance;
        var km = Geodesic.Distance(a.Longitude, a.Latitude, b.Longitude, b.Latitude) / 1000;
        if (km > allowed) return null;

        var sides = candidate.Actors.Select(x => sideOf(x.Actor)).ToHashSet();
        var shared = row.Actors.Select(x => sideOf(x.Actor)).Where(sides.Contains).Distinct().Order().ToList();
        if (shared.Count == 0) return null;

        return new OriginMatch(origins[0].ToString(), daysApart, Math.Round(km, 2), shared, MaxDays, allowed);
    }

    /// <summary>The best of several candidates: fewest days apart, then fewest kilometres.</summary>
    public (Event Event, OriginMatch Match)? Best(Event row, IEnumerable<Event> candidates, Func<RecordId, RecordId> sideOf) =>
        candidates
            .Select(c => (Event: c, Match: Match(row, c, sideOf)))
            .Where(c => c.Match is not null)
            .OrderBy(c => c.Match!.DaysApart).ThenBy(c => c.Match!.DistanceKm).ThenBy(c => c.Event.Id)
            .Select(c => ((Event, OriginMatch)?)(c.Event, c.Match!))
            .FirstOrDefault();

    /// <summary>How many kilometres a point of this precision may lie from where it happened; null when too vague to compare.</summary>
    public static double? Allowance(LocationPrecision precision) => precision switch
    {
        LocationPrecision.Exact => 0,
        LocationPrecision.Near or LocationPrecision.District => 25,
        LocationPrecision.Province or LocationPrecision.Area => 50,
        _ => null,
    };
}
