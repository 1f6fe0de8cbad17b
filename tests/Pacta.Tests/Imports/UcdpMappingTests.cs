using Pacta.Imports;
using Pacta.Model;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>How a UCDP GED row becomes an event (docs/importing.md, the UCDP table), and which rows are refused where.</summary>
public sealed class UcdpMappingTests
{
    private static ImportedEvent Map(params (string Column, string Value)[] changes) => RowMapping.One(RowMapping.Ucdp(Ucdp(UcdpRow().With(changes))));

    private static ImportProblem Refuse(params (string Column, string Value)[] changes) => RowMapping.Problem(RowMapping.Ucdp(Ucdp(UcdpRow().With(changes))));

    private static int ColumnOf(string column, params (string Column, string Value)[] changes)
    {
        var row = UcdpRow().With(changes);
        return string.Join(",", Pacta.Generation.EventGenerator.UcdpColumns.TakeWhile(c => c != column).Select(c => Quote(row[c]))).Length + 2;
    }

    [Fact]
    public void Low_best_and_high_are_the_three_estimates()
    {
        Assert.Equal(new Fatalities(2, 3, 5), Map().Fatalities);
        Assert.Equal(new Fatalities(null, 3, null), Map(("low", ""), ("high", "")).Fatalities);
        Assert.Equal(new Fatalities(3, 3, 3), Map(("low", "3"), ("high", "3")).Fatalities);
    }

    [Fact]
    public void Low_above_best_or_high_below_best_is_refused_at_the_field_at_fault()
    {
        var low = Refuse(("low", "4"));
        Assert.Equal("low: 4 is above best (3)", low.Reason);
        Assert.Equal(ColumnOf("low"), low.Column);
        var high = Refuse(("high", "2"));
        Assert.Equal("high: 2 is below best (3)", high.Reason);
        Assert.Equal(ColumnOf("high"), high.Column);
        Assert.StartsWith("best: is empty", Refuse(("best", "")).Reason, StringComparison.Ordinal);
        Assert.Equal("best: -1 is outside 0..10000000", Refuse(("best", "-1")).Reason);
        Assert.StartsWith("low: 'some' is not a whole number", Refuse(("low", "some")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_start_and_date_end_give_one_day_or_a_span()
    {
        var one = Map();
        Assert.Equal(PartialDate.Day(2020, 10, 5), one.Start);
        Assert.Null(one.End);
        var span = Map(("date_start", "2020-09-27"), ("date_end", "2020-10-03"));
        Assert.Equal(PartialDate.Day(2020, 9, 27), span.Start);
        Assert.Equal(PartialDate.Day(2020, 10, 3), span.End);
        // UCDP writes its dates with a time in some releases.
        Assert.Equal(PartialDate.Day(2020, 9, 27), Map(("date_start", "2020-09-27 00:00:00.000"), ("date_end", "2020-09-27 00:00:00.000")).Start);
    }

    [Fact]
    public void An_end_before_the_start_or_an_impossible_day_is_refused()
    {
        var backwards = Refuse(("date_end", "2020-10-04"));
        Assert.Equal("date_end: 2020-10-04 is before date_start 2020-10-05", backwards.Reason);
        Assert.Equal(ColumnOf("date_end"), backwards.Column);
        var impossible = Refuse(("date_start", "2021-02-29"), ("date_end", "2021-03-01"));
        Assert.StartsWith("date_start: '2021-02-29' is not a date", impossible.Reason, StringComparison.Ordinal);
        Assert.Equal(ColumnOf("date_start", ("date_start", "2021-02-29")), impossible.Column);
        Assert.StartsWith("date_prec: 6 is outside 1..5", Refuse(("date_prec", "6")).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", LocationPrecision.Exact)]
    [InlineData("2", LocationPrecision.Near)]
    [InlineData("3", LocationPrecision.District)]
    [InlineData("4", LocationPrecision.Province)]
    [InlineData("5", LocationPrecision.Area)]
    [InlineData("6", LocationPrecision.Country)]
    [InlineData("7", LocationPrecision.International)]
    public void Where_prec_1_to_7_gives_the_precision(string code, LocationPrecision expected)
    {
        Assert.Equal(expected, Map(("where_prec", code)).Precision);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("exact")]
    public void Another_where_prec_is_refused(string code)
    {
        var problem = Refuse(("where_prec", code));
        Assert.StartsWith("where_prec: ", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(ColumnOf("where_prec", ("where_prec", code)), problem.Column);
    }

    [Theory]
    [InlineData("1", "ucdp:state-based")]
    [InlineData("2", "ucdp:non-state")]
    [InlineData("3", "ucdp:one-sided")]
    public void Type_of_violence_gives_the_type(string code, string expected)
    {
        Assert.Equal(expected, Map(("type_of_violence", code)).Type.ToString());
    }

    [Fact]
    public void Type_of_violence_4_is_refused()
    {
        Assert.StartsWith("type_of_violence: 4 is outside 1..3", Refuse(("type_of_violence", "4")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sides_title_summary_and_citation()
    {
        var e = Map();
        Assert.Equal([new NamedActor("Government of Azerbaijan", EventActorRole.SideA), new NamedActor("Government of Armenia", EventActorRole.SideB)], e.Actors);
        Assert.Equal("Government of Azerbaijan - Government of Armenia: Tartar town", e.Title);
        Assert.Equal("Shelling near Tartar", e.Summary);
        Assert.Equal("Agence France Presse, 2020-10-06", e.Origin.Citation);
        Assert.Equal("ucdp-500001", e.EventId.Value);
        Assert.Equal(new GeoPoint(46.9301, 40.3406), e.Point);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    public void An_id_that_is_not_a_positive_number_is_refused(string id)
    {
        var problem = Refuse(("id", id));
        Assert.StartsWith("id: ", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(1, problem.Column);
    }
}
