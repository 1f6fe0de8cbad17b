using GeometryFactory = NetTopologySuite.Geometries.GeometryFactory;
using Pacta.Model;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

public class DerivedIndexTests
{
    [Fact]
    public void Derived_rows_after_updates_and_deletions_equal_those_of_the_final_records_written_afresh()
    {
        using var edited = new TempStore();
        using var afresh = new TempStore();
        var movedTriangle = new Place(Triangle.Id, PlaceKind.Zone, [new("Survey triangle", "en", []), new("Triangle", "en", [])],
            new GeometryFactory().CreatePolygon([new(45.0, 40.0), new(46.0, 40.0), new(45.0, 41.0), new(45.0, 40.0)]),
            null, null, [], null, [Dataset.Id]);
        var movedSigning = new Event(Signing.Id, Signing.Title, Signing.Type, Signing.Start, Signing.End,
            new EventPlace(KhankendiStepanakert.Id, null, LocationPrecision.Area), [new(Russia.Id, EventActorRole.Host)],
            null, null, Signing.Summary, Signing.Sources);
        using (var store = edited.Open())
        {
            store.Write(All, Context);
            store.Write([movedTriangle, movedSigning], Context);
            store.Delete([Shushakend.Id], Context);
            store.Write([Triangle], Context);
        }
        using (var store = afresh.Open())
            store.Write(All.Where(r => r.Id != Shushakend.Id).Select(r => r.Id == Signing.Id ? movedSigning : r).ToList(), Context);

        var rows = RawSqlite.Rows(edited.Path, RawSqlite.DerivedRows);

        Assert.Equal(RawSqlite.Rows(afresh.Path, RawSqlite.DerivedRows), rows);
        Assert.DoesNotContain(rows, r => r.StartsWith("orphan", StringComparison.Ordinal) || r.Contains("shushakend", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_is_indexed_by_its_days_type_actors_and_point()
    {
        using var temp = new TempStore();
        using (var store = temp.Open()) store.Write(All, Context);

        var rows = RawSqlite.Rows(temp.Path, RawSqlite.DerivedRows).Where(r => r.Contains("signing-2020-11-09", StringComparison.Ordinal) && !r.StartsWith("reference", StringComparison.Ordinal));

        var first = new DateOnly(2020, 11, 9).DayNumber;
        Assert.Equal(
            [
                $"event | signing-2020-11-09 | {first} {first + 1} acled:Strategic developments/Agreement | 37.6175 55.752",
                "event-actor | signing-2020-11-09 | armenia | ∅",
                "event-actor | signing-2020-11-09 | azerbaijan | ∅",
                "event-actor | signing-2020-11-09 | russia | ∅",
            ],
            rows.Where(r => !r.StartsWith("event-point", StringComparison.Ordinal)));
        Assert.Single(rows, r => r.StartsWith("event-point | signing-2020-11-09", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_reference_of_a_record_is_kept_as_a_backlink()
    {
        using var temp = new TempStore();
        using (var store = temp.Open()) store.Write(All, Context);

        var references = RawSqlite.Rows(temp.Path, "SELECT from_id, path, to_id FROM reference WHERE from_id = 'trilateral-statement-2020-11-10' ORDER BY path");

        Assert.Equal(Statement.References().Select(r => $"{Statement.Id} | {r.Path} | {r.Target}").Order(StringComparer.Ordinal), references);
        Assert.Contains($"{Statement.Id} | provisions[1].obligations[0].linkage[0].obligation | ts2020-ceasefire", references);
    }
}
