using Pacta.Imports;
using Pacta.Model;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>How an ACLED row becomes an event (docs/importing.md, the ACLED table), and which rows are refused where.</summary>
public sealed class AcledMappingTests
{
    private static ImportedEvent Map(params (string Column, string Value)[] changes) => RowMapping.One(RowMapping.Acled(Acled(AcledRow().With(changes))));

    private static ImportProblem Refuse(params (string Column, string Value)[] changes) => RowMapping.Problem(RowMapping.Acled(Acled(AcledRow().With(changes))));

    /// <summary>Where <paramref name="column"/>'s field starts on line 2 of the one-row file.</summary>
    private static (long, int) At(string column, params (string Column, string Value)[] changes)
    {
        var row = AcledRow().With(changes);
        var before = Line(Pacta.Generation.EventGenerator.AcledColumns.TakeWhile(c => c != column).Select(c => row[c]));
        return (2, before.Length + 1); // the joined fields, their trailing line break standing for the comma
    }

    [Fact]
    public void Time_precision_1_2_3_give_the_day_the_iso_week_and_the_month()
    {
        // 2021-01-02 is a Saturday in ISO week 53 of 2020: the week is not the calendar year's.
        Assert.Equal(PartialDate.Day(2021, 1, 2), Map(("event_date", "2021-01-02"), ("time_precision", "1")).Start);
        var week = Map(("event_date", "2021-01-02"), ("time_precision", "2")).Start;
        Assert.Equal(DatePrecision.Week, week.Precision);
        Assert.Equal((new DateOnly(2020, 12, 28), new DateOnly(2021, 1, 3)), (week.First, week.Last));
        var month = Map(("event_date", "2021-02-14"), ("time_precision", "3")).Start;
        Assert.Equal((DatePrecision.Month, new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 28)), (month.Precision, month.First, month.Last));
        Assert.Null(Map().End);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("day")]
    public void Another_time_precision_is_refused_at_its_field(string value)
    {
        var problem = Refuse(("time_precision", value));
        Assert.StartsWith("time_precision: ", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(At("time_precision", ("time_precision", value)), (problem.Line, problem.Column));
    }

    [Theory]
    [InlineData("1", LocationPrecision.Exact)]
    [InlineData("2", LocationPrecision.Near)]
    [InlineData("3", LocationPrecision.Province)]
    public void Geo_precision_gives_the_point_s_precision(string code, LocationPrecision expected)
    {
        var e = Map(("geo_precision", code), ("latitude", "39.8177"), ("longitude", "46.7528"));
        Assert.Equal(expected, e.Precision);
        Assert.Equal(new GeoPoint(46.7528, 39.8177), e.Point);
    }

    [Fact]
    public void Geo_precision_4_is_refused()
    {
        Assert.StartsWith("geo_precision: 4 is outside 1..3", Refuse(("geo_precision", "4")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Actors_and_their_associates_split_at_semicolons_form_sides_a_and_b()
    {
        var e = Map(
            ("actor1", "Military Forces of Azerbaijan (2003-)"), ("assoc_actor_1", "Police Forces of Azerbaijan (2003-); ; Syrian mercenaries"),
            ("actor2", "Military Forces of Armenia (2018-)"), ("assoc_actor_2", "Civilians (Armenia);Military Forces of Armenia (2018-)"));
        Assert.Equal(
            [
                new NamedActor("Military Forces of Azerbaijan (2003-)", EventActorRole.SideA),
                new NamedActor("Police Forces of Azerbaijan (2003-)", EventActorRole.SideA),
                new NamedActor("Syrian mercenaries", EventActorRole.SideA),
                new NamedActor("Military Forces of Armenia (2018-)", EventActorRole.SideB),
                new NamedActor("Civilians (Armenia)", EventActorRole.SideB),
            ],
            e.Actors);
    }

    [Fact]
    public void Actor1_is_required_and_actor2_is_not()
    {
        Assert.Single(Map(("actor2", "")).Actors);
        Assert.StartsWith("actor1: is empty", Refuse(("actor1", "")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fatalities_notes_source_and_timestamp_go_to_best_summary_citation_and_revision()
    {
        var e = Map(("fatalities", "17"), ("notes", "Shelling of Tartar; 17 killed."), ("source", "Trend; Azertac"), ("timestamp", "1618317055"));
        Assert.Equal(new Fatalities(null, 17, null), e.Fatalities);
        Assert.Equal("Shelling of Tartar; 17 killed.", e.Summary);
        Assert.Equal("Trend; Azertac", e.Origin.Citation);
        Assert.Equal("1618317055", e.Origin.Revision);
        Assert.Equal(new EventOrigin(EventDataset.Acled, "AZE100", e.Origin.Digest, "1618317055", "Trend; Azertac"), e.Origin);
        Assert.Equal("acled-aze100", e.EventId.Value);
    }

    [Fact]
    public void The_title_is_the_sub_event_type_and_the_place()
    {
        Assert.Equal("Armed clash: Tartar, Azerbaijan", Map().Title); // location and admin1 are both Tartar: said once
        Assert.Equal("Armed clash: Sugovushan, Tartar, Azerbaijan", Map(("location", "Sugovushan")).Title);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("many")]
    public void Fatalities_must_be_a_whole_number_not_below_zero(string value)
    {
        var problem = Refuse(("fatalities", value));
        Assert.StartsWith("fatalities: ", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(At("fatalities", ("fatalities", value)), (problem.Line, problem.Column));
    }

    [Theory]
    [InlineData("2020-11-10")]
    [InlineData("10 November 2020")]
    [InlineData("10 Nov 2020")]
    [InlineData("10-Nov-2020")]
    [InlineData("10-Nov-20")]
    [InlineData("10/11/2020")]
    public void Every_documented_date_layout_reads_as_10_november_2020(string text)
    {
        Assert.Equal(PartialDate.Day(2020, 11, 10), Map(("event_date", text)).Start);
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("30 February 2021")]
    [InlineData("2021-13-01")]
    [InlineData("yesterday")]
    [InlineData("11/30/2020")]
    public void An_impossible_date_is_refused_at_the_event_date_field(string text)
    {
        var problem = Refuse(("event_date", text));
        Assert.Equal(At("event_date", ("event_date", text)), (problem.Line, problem.Column));
        Assert.Equal((2L, 8), (problem.Line, problem.Column)); // after "AZE100,"
        Assert.Equal($"rows.csv:2:8: event_date: '{text}' is not a date (write 2020-11-10 or 10 November 2020; the day must exist)", problem.ToString());
    }

    [Theory]
    [InlineData("latitude", "north", "is not a number")]
    [InlineData("latitude", "91", "is outside -90..90")]
    [InlineData("latitude", "-90.5", "is outside -90..90")]
    [InlineData("longitude", "180.01", "is outside -180..180")]
    [InlineData("longitude", "NaN", "is not a number")]
    [InlineData("longitude", "Infinity", "is not a number")]
    [InlineData("latitude", "", "is empty")]
    [InlineData("latitude", "40,34", "")] // a comma in a quoted field: a decimal comma is no number
    public void Non_numeric_or_out_of_range_coordinates_are_refused_at_their_field(string column, string value, string reason)
    {
        var problem = Refuse((column, value));
        Assert.StartsWith($"{column}: ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        var row = AcledRow().With((column, value));
        var before = string.Join(",", Pacta.Generation.EventGenerator.AcledColumns.TakeWhile(c => c != column).Select(c => Quote(row[c])));
        Assert.Equal((2L, before.Length + 2), (problem.Line, problem.Column));
    }

    [Fact]
    public void Extreme_but_valid_coordinates_are_kept()
    {
        Assert.Equal(new GeoPoint(-180, 90), Map(("latitude", "90"), ("longitude", "-180")).Point);
    }

    [Fact]
    public void An_unknown_event_type_or_sub_type_is_refused_at_the_column_at_fault()
    {
        var type = Refuse(("event_type", "Skirmish"));
        Assert.StartsWith("event_type: 'Skirmish/Armed clash' is not an ACLED event type; known: Battles, ", type.Reason, StringComparison.Ordinal);
        Assert.Equal(At("event_type", ("event_type", "Skirmish")), (type.Line, type.Column));

        var sub = Refuse(("sub_event_type", "Duel"));
        Assert.StartsWith("sub_event_type: 'Duel' is not an ACLED sub-event type of Battles", sub.Reason, StringComparison.Ordinal);
        Assert.Equal(At("sub_event_type", ("sub_event_type", "Duel")), (sub.Line, sub.Column));

        // A sub-type of another type is no sub-type of this one.
        Assert.StartsWith("sub_event_type: ", Refuse(("sub_event_type", "Peaceful protest")).Reason, StringComparison.Ordinal);
        Assert.Equal("acled:Protests/Peaceful protest", Map(("event_type", "Protests"), ("sub_event_type", "Peaceful protest")).Type.ToString());
    }

    [Fact]
    public void Text_with_a_control_character_is_refused_but_line_breaks_and_tabs_are_kept()
    {
        Assert.Equal("first\nsecond\tcolumn", Map(("notes", "first\nsecond\tcolumn")).Summary);
        var problem = Refuse(("notes", "bell\u0007here"));
        Assert.StartsWith("notes: ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("control character", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_digest_changes_with_what_pacta_reads_and_not_with_other_columns()
    {
        var digest = Map().Origin.Digest;
        Assert.Equal(digest, Map(("inter1", "3"), ("tags", "crowd size=no report"), ("timestamp", "1700000000")).Origin.Digest);
        Assert.NotEqual(digest, Map(("fatalities", "3")).Origin.Digest);
        Assert.NotEqual(digest, Map(("notes", "Other words.")).Origin.Digest);
        Assert.NotEqual(digest, Map(("actor2", "")).Origin.Digest);
    }
}
