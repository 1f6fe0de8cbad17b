using Pacta.Geography;
using Pacta.Imports;
using Pacta.Model;

namespace Pacta.Tests.Imports;

/// <summary>
/// The rule that joins a row of one dataset to an event another dataset recorded (docs/importing.md, "One incident,
/// several datasets"), on constructed pairs: matches, and near misses one condition at a time.
/// </summary>
public sealed class EventMatchingTests
{
    private const double Lat = 40.3406;
    private const double Lon = 46.9301;
    private static readonly DateOnly Day = new(2020, 10, 5);

    private static readonly Dictionary<RecordId, RecordId> PartOf = new()
    {
        [new("armed-forces-azerbaijan")] = new("azerbaijan"),
        [new("armed-forces-armenia")] = new("armenia"),
    };

    private static RecordId SideOf(RecordId actor) => PartOf.TryGetValue(actor, out var state) ? state : actor;

    /// <summary>A point <paramref name="km"/> kilometres north of the reference point.</summary>
    private static (double Lat, double Lon) North(double km) => (Lat + km / 111.03, Lon);

    private static Event Make(
        EventDataset dataset, string key, PartialDate start, PartialDate? end = null, (double Lat, double Lon)? point = null,
        LocationPrecision precision = LocationPrecision.Exact, params string[] actors)
    {
        var (lat, lon) = point ?? (Lat, Lon);
        var type = dataset == EventDataset.Ucdp ? "ucdp:state-based" : dataset == EventDataset.Plover ? "plover:ASSAULT" : "acled:Battles/Armed clash";
        var origin = new EventOrigin(dataset, key, "0123456789abcdef");
        return new Event(
            ImportedEvent.IdFor(dataset, key), "clash", EventType.Parse(type), start, end,
            new EventPlace(null, new GeoPoint(lon, lat), precision),
            [.. actors.Select((a, i) => new EventActor(new RecordId(a), i == 0 ? EventActorRole.SideA : EventActorRole.SideB))],
            new Fatalities(null, 1, null), null, null, [new RecordId("acled")], null, [origin]);
    }

    private static Event Acled(PartialDate? start = null, (double, double)? point = null, LocationPrecision precision = LocationPrecision.Exact, string key = "AZE1") =>
        Make(EventDataset.Acled, key, start ?? PartialDate.Day(Day), null, point, precision, "armed-forces-azerbaijan", "armed-forces-armenia");

    private static Event Ucdp(PartialDate? start = null, PartialDate? end = null, (double, double)? point = null, LocationPrecision precision = LocationPrecision.Exact, params string[] actors) =>
        Make(EventDataset.Ucdp, "500001", start ?? PartialDate.Day(Day), end, point, precision, actors.Length == 0 ? ["azerbaijan", "armenia"] : actors);

    [Fact]
    public void Same_day_three_km_apart_sharing_states_through_their_armed_forces_match()
    {
        var acled = Acled();
        var ucdp = Ucdp(point: North(3));
        var match = new EventMatching().Match(ucdp, acled, SideOf);

        Assert.NotNull(match);
        Assert.Equal("acled:AZE1", match.With);
        Assert.Equal(0, match.DaysApart);
        Assert.InRange(match.DistanceKm!.Value, 2.95, 3.05);
        Assert.Equal([new RecordId("armenia"), new RecordId("azerbaijan")], match.SharedActors);
        Assert.Equal(10, match.MaxKm);
        Assert.Equal($"linked with acled:AZE1: their dates overlap; {match.DistanceKm:0.0} km apart (at most 10 km allowed); both name armenia, azerbaijan", match.Explain());
    }

    [Fact]
    public void The_points_are_where_the_test_says()
    {
        var (lat, lon) = North(11);
        Assert.InRange(Geodesic.Distance(Lon, Lat, lon, lat) / 1000, 10.97, 11.03);
    }

    [Fact]
    public void One_day_apart_matches_and_two_days_do_not_unless_the_threshold_allows()
    {
        var acled = Acled();
        var nextDay = new EventMatching().Match(Ucdp(PartialDate.Day(Day.AddDays(1))), acled, SideOf);
        Assert.Equal(1, nextDay!.DaysApart);
        Assert.Contains("their dates are 1 day apart (at most 1 allowed)", nextDay.Explain(), StringComparison.Ordinal);

        var twoDays = Ucdp(PartialDate.Day(Day.AddDays(-2)));
        Assert.Null(new EventMatching().Match(twoDays, acled, SideOf));
        Assert.Equal(2, new EventMatching(MaxDays: 2).Match(twoDays, acled, SideOf)!.DaysApart);
        Assert.Null(new EventMatching(MaxDays: 0).Match(Ucdp(PartialDate.Day(Day.AddDays(1))), acled, SideOf));
    }

    [Fact]
    public void Date_spans_count_as_wide_as_their_precision()
    {
        // ACLED's week 41 of 2020 runs from Monday 5 to Sunday 11 October: a UCDP row on the 11th overlaps it.
        var week = Acled(PartialDate.Week(2020, 41));
        Assert.Equal(0, new EventMatching(MaxDays: 0).Match(Ucdp(PartialDate.Day(2020, 10, 11)), week, SideOf)!.DaysApart);
        Assert.Null(new EventMatching(MaxDays: 0).Match(Ucdp(PartialDate.Day(2020, 10, 12)), week, SideOf));
        // A UCDP span of several days overlaps an ACLED day inside it.
        Assert.Equal(0, new EventMatching(MaxDays: 0).Match(Ucdp(PartialDate.Day(2020, 10, 1), PartialDate.Day(2020, 10, 6)), Acled(), SideOf)!.DaysApart);
        Assert.Null(new EventMatching(MaxDays: 0).Match(Ucdp(PartialDate.Day(2020, 10, 1), PartialDate.Day(2020, 10, 4)), Acled(), SideOf));
    }

    [Fact]
    public void A_km_beyond_the_threshold_does_not_match_unless_the_threshold_allows()
    {
        var acled = Acled();
        Assert.NotNull(new EventMatching().Match(Ucdp(point: North(9)), acled, SideOf));
        Assert.Null(new EventMatching().Match(Ucdp(point: North(11)), acled, SideOf));
        Assert.NotNull(new EventMatching(MaxKm: 12).Match(Ucdp(point: North(11)), acled, SideOf));
    }

    [Theory]
    [InlineData(LocationPrecision.Near, 34, true)]
    [InlineData(LocationPrecision.Near, 36, false)]
    [InlineData(LocationPrecision.District, 34, true)]
    [InlineData(LocationPrecision.Province, 59, true)]
    [InlineData(LocationPrecision.Province, 61, false)]
    [InlineData(LocationPrecision.Area, 59, true)]
    [InlineData(LocationPrecision.Country, 0, false)]
    [InlineData(LocationPrecision.International, 0, false)]
    public void Vague_points_get_an_allowance_and_country_level_points_never_match(LocationPrecision precision, double km, bool matches)
    {
        var match = new EventMatching().Match(Ucdp(point: North(km), precision: precision), Acled(), SideOf);
        Assert.Equal(matches, match is not null);
        if (match is not null) Assert.Equal(10 + EventMatching.Allowance(precision)!.Value, match.MaxKm);
    }

    [Fact]
    public void Without_an_actor_in_common_there_is_no_match()
    {
        Assert.Null(new EventMatching().Match(Ucdp(actors: ["russia", "georgia"]), Acled(), SideOf));
        Assert.NotNull(new EventMatching().Match(Ucdp(actors: ["russia", "armed-forces-armenia"]), Acled(), SideOf));
    }

    [Fact]
    public void Two_rows_of_the_same_dataset_never_match()
    {
        Assert.Null(new EventMatching().Match(Acled(key: "AZE2"), Acled(), SideOf));
        var plover = Make(EventDataset.Plover, "p1", PartialDate.Day(Day), null, null, LocationPrecision.Exact, "azerbaijan");
        Assert.NotNull(new EventMatching().Match(plover, Acled(), SideOf));
    }

    [Fact]
    public void A_row_without_a_point_never_matches()
    {
        var u = Ucdp();
        var noPoint = new Event(u.Id, u.Title, u.Type, u.Start, u.End, null, u.Actors, u.Fatalities, null, null, u.Sources, null, u.Origins);
        Assert.Null(new EventMatching().Match(noPoint, Acled(), SideOf));
    }

    [Fact]
    public void Of_several_candidates_the_fewest_days_then_the_nearest_is_taken()
    {
        var far = Acled(point: North(8), key: "FAR");
        var near = Acled(point: North(2), key: "NEAR");
        var nextDay = Acled(PartialDate.Day(Day.AddDays(1)), key: "NEXTDAY");
        var best = new EventMatching().Best(Ucdp(), [nextDay, far, near], SideOf);
        Assert.Equal("acled:NEAR", best!.Value.Match.With);
        Assert.Equal("acled:FAR", new EventMatching().Best(Ucdp(), [nextDay, far], SideOf)!.Value.Match.With);
        Assert.Null(new EventMatching().Best(Ucdp(actors: ["russia"]), [nextDay, far, near], SideOf));
    }

    [Fact]
    public void Thresholds_outside_their_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventMatching(MaxDays: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventMatching(MaxKm: 1001));
    }
}
