using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pacta.Model;

namespace Pacta.Tests.Model;

/// <summary>Properties of the model's value objects: what parses prints back the same, and what is invalid cannot be built.</summary>
public sealed class ValueObjectProperties
{
    [Property]
    public bool A_day_prints_and_parses_back_to_itself(DateTime day)
    {
        var date = PartialDate.Day(DateOnly.FromDateTime(day));
        return PartialDate.Parse(date.ToString()) == date && date.First == date.Last;
    }

    [Property]
    public bool Every_precision_round_trips_and_covers_its_days(PositiveInt seed)
    {
        var year = 1 + (seed.Get % 9998);
        var month = 1 + (seed.Get % 12);
        var week = 1 + (seed.Get % 52);
        PartialDate[] dates = [PartialDate.Year(year), PartialDate.Month(year, month), PartialDate.Week(year, week)];
        return dates.All(d => PartialDate.Parse(d.ToString()) == d && d.First <= d.Last && d.MayPrecedeOrEqual(d));
    }

    [Property]
    public bool Parsing_arbitrary_text_never_throws_anything_but_a_clean_refusal(string? text) =>
        PartialDate.TryParse(text, out var date) ? PartialDate.Parse(date.ToString()) == date : true;

    [Fact]
    public void Text_is_refused_for_every_control_character_but_line_breaks_and_tabs_wherever_it_stands()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var control = char.IsControl(c) && c is not '\n' and not '\t' and not '\r';
            foreach (var text in new[] { $"a{c}b", $"a long title of forty characters or so {c} and more after it" })
            {
                bool refused;
                try
                {
                    Guard.Text(text, "Title");
                    refused = false;
                }
                catch (ArgumentException e) when (e.Message.Contains("control character", StringComparison.Ordinal))
                {
                    refused = true;
                }
                Assert.True(control == refused, $"U+{code:X4} in '{text}': {(control ? "not refused" : "refused")}");
            }
        }
    }

    [Fact]
    public void Impossible_dates_are_refused()
    {
        foreach (var text in new[] { "2021-02-29", "2020-13", "2020-00-10", "2020-W54", "20201", "2020-1-1", "0000", "" })
            Assert.False(PartialDate.TryParse(text, out _), text);
        Assert.True(PartialDate.TryParse("2020-02-29", out _));
        Assert.True(PartialDate.TryParse("2020-W53", out _));
    }

    [Property]
    public bool A_record_id_is_valid_exactly_when_it_matches_the_rule(string? text)
    {
        var valid = text is { Length: >= 2 and <= 100 }
            && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && !text.StartsWith('-') && !text.EndsWith('-') && !text.Contains("--", StringComparison.Ordinal);
        if (RecordId.IsValid(text) != valid) return false;
        if (!valid) return Throws(() => new RecordId(text!));
        return new RecordId(text!).Value == text;
    }

    [Property]
    public bool Credibility_exists_only_from_one_to_six(int value) =>
        value is >= 1 and <= 6 ? new Credibility(value).Value == value : Throws(() => new Credibility(value));

    [Property]
    public bool A_pam_score_exists_only_from_zero_to_three(int value) =>
        value is >= 0 and <= 3 ? new PamScore(value).Value == value : Throws(() => new PamScore(value));

    [Property]
    public bool Fatalities_keep_low_at_most_best_at_most_high(NonNegativeInt a, NonNegativeInt b, NonNegativeInt c)
    {
        var (low, best, high) = (a.Get, b.Get, c.Get);
        var valid = low <= best && best <= high;
        return valid ? new Fatalities(low, best, high).Best == best : Throws(() => new Fatalities(low, best, high));
    }

    [Property]
    public bool A_point_exists_only_on_the_globe(NormalFloat lon, NormalFloat lat)
    {
        var valid = lon.Get is >= -180 and <= 180 && lat.Get is >= -90 and <= 90;
        return valid ? new GeoPoint(lon.Get, lat.Get).Latitude == lat.Get : Throws(() => new GeoPoint(lon.Get, lat.Get));
    }

    [Property]
    public Property Event_types_print_as_they_parse() =>
        Prop.ForAll(
            Gen.Elements(EventType.AcledTypes.SelectMany(t => t.Value.Select(s => $"acled:{t.Key}/{s}").Append($"acled:{t.Key}"))
                .Concat(EventType.PloverTypes.Select(p => $"plover:{p}")).Concat(["cameo:046", "cameo:0871"]).ToArray()).ToArbitrary(),
            text => EventType.Parse(text).ToString() == text);

    [Fact]
    public void An_end_before_a_start_cannot_exist()
    {
        var source = new[] { new RecordId("src-a") };
        var error = Assert.Throws<ArgumentException>(() => new Event(new RecordId("e-1"), "An event", EventType.Parse("plover:CONSULT"),
            PartialDate.Parse("2020-11-10"), PartialDate.Parse("2020-11-09"), null, [], null, null, null, source));
        Assert.Equal("End", error.ParamName);
        // The same month as the start is not "before" it: precision is respected.
        _ = new Event(new RecordId("e-1"), "An event", EventType.Parse("plover:CONSULT"),
            PartialDate.Parse("2020-11-10"), PartialDate.Parse("2020-11"), null, [], null, null, null, source);
    }

    [Fact]
    public void A_claim_needs_a_source()
    {
        var error = Assert.Throws<ArgumentException>(() => new Claim(new RecordId("c-1"), new RecordId("e-1"), new RecordId("state-a"),
            Stance.Asserts, null, "Something", null, new Credibility(3), []));
        Assert.Equal("Sources", error.ParamName);
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
