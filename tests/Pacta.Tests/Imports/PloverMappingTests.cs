using System.Text.Json.Nodes;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Tests.Cli;

namespace Pacta.Tests.Imports;

/// <summary>How a PLOVER line becomes an event (docs/importing.md, PLOVER), and which lines are refused where.</summary>
public sealed class PloverMappingTests
{
    public static JsonObject Line(string id = "pl-1") => new()
    {
        ["id"] = id,
        ["date"] = "2020-10-05",
        ["event"] = "ASSAULT",
        ["mode"] = "shelling",
        ["actor"] = new JsonArray("Government of Azerbaijan"),
        ["recipient"] = new JsonArray("Government of Armenia"),
        ["event_loc"] = new JsonObject { ["name"] = "Tartar", ["lat"] = 40.3406, ["lon"] = 46.9301 },
        ["event_text"] = "Artillery fire reported near Tartar.",
        ["cite_info"] = "https://example.org/news/1",
        ["coded_date"] = "2020-10-06",
    };

    private static (ImportedEvent? Event, ImportProblem? Problem) Map(string text, long line = 7) => new PloverRows("events.jsonl").Map(text, line);

    private static ImportedEvent Good(JsonObject line)
    {
        var (e, problem) = Map(line.ToJsonString());
        Assert.True(e is not null, problem?.ToString());
        return e!;
    }

    private static ImportProblem Bad(string text)
    {
        var (e, problem) = Map(text);
        Assert.Null(e);
        Assert.Equal(7, problem!.Line);
        return problem;
    }

    private static JsonObject With(string member, JsonNode? value)
    {
        var line = Line();
        line[member] = value;
        return line;
    }

    [Fact]
    public void A_line_maps_to_an_event()
    {
        var e = Good(Line());
        Assert.Equal("plover-pl-1", e.EventId.Value);
        Assert.Equal("plover:ASSAULT", e.Type.ToString());
        Assert.Equal(PartialDate.Day(2020, 10, 5), e.Start);
        Assert.Null(e.End);
        Assert.Equal([new NamedActor("Government of Azerbaijan", EventActorRole.Initiator), new NamedActor("Government of Armenia", EventActorRole.Target)], e.Actors);
        Assert.Equal(new GeoPoint(46.9301, 40.3406), e.Point);
        Assert.Equal("Artillery fire reported near Tartar.", e.Summary);
        Assert.Equal("https://example.org/news/1", e.Origin.Citation);
        Assert.Equal("2020-10-06", e.Origin.Revision);
        Assert.Null(e.Fatalities);
        Assert.Equal("ASSAULT (shelling): Government of Azerbaijan → Government of Armenia, Tartar", e.Title);
        Assert.Equal(7, e.Line);
    }

    [Fact]
    public void An_end_date_makes_a_span_and_the_type_may_be_lower_case()
    {
        var line = With("enddate", "2020-10-08");
        line["event"] = "consult";
        var e = Good(line);
        Assert.Equal(PartialDate.Day(2020, 10, 8), e.End);
        Assert.Equal("plover:CONSULT", e.Type.ToString());
    }

    [Fact]
    public void A_place_given_by_name_alone_has_no_point()
    {
        var e = Good(With("event_loc", "Tartar"));
        Assert.Null(e.Point);
        Assert.EndsWith(", Tartar", e.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_digest_covers_the_whole_line()
    {
        var digest = Good(Line()).Origin.Digest;
        Assert.NotEqual(digest, Good(With("extra", "anything")).Origin.Digest);
        Assert.Equal(digest, Good(Line()).Origin.Digest);
    }

    [Theory]
    [InlineData("{\"id\": \"pl-1\", \"date\": ")]
    [InlineData("{id: 1}")]
    [InlineData("not json")]
    public void A_malformed_line_is_refused_at_its_line(string text)
    {
        var problem = Bad(text);
        Assert.StartsWith("not a JSON object: ", problem.Reason, StringComparison.Ordinal);
        Assert.InRange(problem.Column, 1, text.Length + 1);
    }

    [Theory]
    [InlineData("[1, 2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    public void A_line_that_is_not_an_object_is_refused(string text, string kind)
    {
        Assert.Equal($"a line holds one JSON object, not {kind}", Bad(text).Reason);
    }

    [Fact]
    public void Members_of_the_wrong_type_are_refused_at_the_member()
    {
        void Check(string member, JsonNode? value, string reason)
        {
            var text = With(member, value).ToJsonString();
            var problem = Bad(text);
            Assert.StartsWith($"{member}: ", problem.Reason, StringComparison.Ordinal);
            Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
            Assert.Equal(text.IndexOf($"\"{member}\"", StringComparison.Ordinal) + 1, problem.Column);
        }
        Check("id", new JsonObject(), "is object, not a string");
        Check("event", new JsonArray("ASSAULT"), "is array, not a string");
        Check("date", true, "not a string");
        Check("date", "2021-02-30", "is not a date");
        Check("date", "05/10/2020", "is not a date");
        Check("actor", new JsonArray(1), "not a name");
        Check("recipient", new JsonObject(), "not a name");
        Check("event_loc", 12, "neither an object nor a name");
        Check("event", "SHOOT", "not a PLOVER event type");
        Check("enddate", "2020-10-01", "before date");
        Check("event_text", "bell\u0007", "control character");
    }

    [Fact]
    public void A_missing_id_type_or_date_is_refused()
    {
        foreach (var member in new[] { "id", "event", "date" })
        {
            var line = Line();
            line.Remove(member);
            Assert.StartsWith($"{member}: is missing", Bad(line.ToJsonString()).Reason, StringComparison.Ordinal);
        }
        Assert.StartsWith("id: is missing", Bad(With("id", "").ToJsonString()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latitude_without_longitude_or_out_of_range_is_refused()
    {
        var text = With("event_loc", new JsonObject { ["lat"] = 40.3 }).ToJsonString();
        var problem = Bad(text);
        Assert.Equal("event_loc: gives lat without lon, or lon without lat", problem.Reason);
        Assert.Equal(text.IndexOf("\"event_loc\"", StringComparison.Ordinal) + 1, problem.Column);
        Assert.Contains("lat 95 is outside -90..90", Bad(With("event_loc", new JsonObject { ["lat"] = 95, ["lon"] = 40 }).ToJsonString()).Reason, StringComparison.Ordinal);
        Assert.Contains("is not a number", Bad(With("event_loc", new JsonObject { ["lat"] = "north", ["lon"] = 40 }).ToJsonString()).Reason, StringComparison.Ordinal);
        // Coordinates written as strings are numbers all the same.
        Assert.Equal(new GeoPoint(46.5, 40.25), Good(With("event_loc", new JsonObject { ["lat"] = "40.25", ["lon"] = "46.5" })).Point);
    }

    [Fact]
    public void A_file_numbers_its_lines_blank_ones_included()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "events.jsonl");
        File.WriteAllText(path, Line("pl-1").ToJsonString() + "\r\n\n" + "{\"id\": \n" + Line("pl-4").ToJsonString() + "\n");
        using var file = EventFile.Open(path, EventDataset.Plover);
        var rows = file.Rows().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(1, rows[0].Event!.Line);
        Assert.Equal(3, rows[1].Problem!.Line);
        Assert.Equal("{\"id\": ", rows[1].Text);
        Assert.Equal(4, rows[2].Event!.Line);
        Assert.Null(file.Header);
    }
}
