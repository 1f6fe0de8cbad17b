using System.Text.Json;
using Pacta.Exports;
using Pacta.Model;
using static Pacta.Tests.Exports.ExportCase;

namespace Pacta.Tests.Exports;

/// <summary><c>pacta export plover</c>: one JSON object per line with PLOVER's fields.</summary>
public sealed class PloverExportTests
{
    private static readonly string[] Fields =
        ["id", "date", "enddate", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "cite_info", "coder", "coded_date", "comment"];

    [Fact]
    public void Each_event_is_one_line_with_PLOVERs_fields_in_order()
    {
        var messy = Variant(Clashes1992, "messy-1992", summary: MessyText);
        using var temp = StoreWith(messy);

        var text = Export(temp, EventExportFormat.Plover);

        var lines = text.Split('\n');
        Assert.Equal("", lines[^1]);
        var events = lines[..^1].Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal(4, events.Count);
        Assert.All(events.Values, e => Assert.Equal(Fields, e.EnumerateObject().Select(p => p.Name)));
        Assert.All(events.Values, e => Assert.Equal("pacta", e.GetProperty("coder").GetString()));
        // The text survives whole, and stays readable in the file.
        Assert.Equal(MessyText, events["messy-1992"].GetProperty("event_text").GetString());
        Assert.Contains("Աղդամ, Ağdam, Агдам", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sides_roles_dates_types_and_places_map_to_PLOVERs_fields()
    {
        using var temp = StoreWith();

        var events = Export(temp, EventExportFormat.Plover).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("id").GetString()!);

        var meeting = events[Talks.Id.Value];
        Assert.Equal("CONSULT", meeting.GetProperty("event").GetString());
        Assert.Equal(["Military Forces of Armenia (2018-)", "Military Forces of Azerbaijan (2003-)", "Russian Federation"], Strings(meeting.GetProperty("actor")));
        Assert.Empty(Strings(meeting.GetProperty("recipient")));
        Assert.Equal(("2021-01-11", JsonValueKind.Null), (meeting.GetProperty("date").GetString(), meeting.GetProperty("enddate").ValueKind));
        Assert.Contains("mediator: OSCE Minsk Group", meeting.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Equal(55.752, meeting.GetProperty("event_loc").GetProperty("lat").GetDouble());
        Assert.Contains("Report, \"Tovuz\"\nsecond line (Armenpress)", meeting.GetProperty("cite_info").GetString(), StringComparison.Ordinal);

        // A month: the first and the last day it may have run to; ACLED's arrests are PLOVER's coercion.
        var arrest = events[Arrest.Id.Value];
        Assert.Equal(("2023-09-01", "2023-09-30"), (arrest.GetProperty("date").GetString(), arrest.GetProperty("enddate").GetString()));
        Assert.Equal("COERCE", arrest.GetProperty("event").GetString());
        Assert.Equal(["Military Forces of Azerbaijan (2003-)"], Strings(arrest.GetProperty("actor")));
        Assert.Equal(["Nare Zeynalova"], Strings(arrest.GetProperty("recipient")));
        Assert.Equal("Khankendi / Stepanakert", arrest.GetProperty("event_loc").GetProperty("name").GetString());

        var clashes = events[Clashes1992.Id.Value];
        Assert.Equal("ASSAULT", clashes.GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.Null, clashes.GetProperty("event_loc").ValueKind);
        Assert.Equal("1992-12-31", clashes.GetProperty("enddate").GetString());
    }

    [Fact]
    public void An_event_imported_from_PLOVER_keeps_its_id_and_coded_date()
    {
        var fromPlover = Variant(Talks, "plover-row",
            origins: [new EventOrigin(EventDataset.Plover, "20210111-AZE-ARM-0001", Digest, "2021-01-12", "https://example.org/story")]);
        using var temp = StoreWith(fromPlover);

        var line = Export(temp, EventExportFormat.Plover).Split('\n').Select(l => l.Length == 0 ? default : JsonDocument.Parse(l).RootElement)
            .Single(e => e.ValueKind == JsonValueKind.Object && e.GetProperty("id").GetString() == "20210111-AZE-ARM-0001");

        Assert.Equal("2021-01-12", line.GetProperty("coded_date").GetString());
        Assert.StartsWith("https://example.org/story; ", line.GetProperty("cite_info").GetString(), StringComparison.Ordinal);
        Assert.Contains("pacta id=plover-row", line.GetProperty("comment").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plover:REJECT", "REJECT")]
    [InlineData("cameo:046", "CONSULT")]
    [InlineData("cameo:057", "AGREE")]
    [InlineData("cameo:0871", "CONCEDE")]
    [InlineData("cameo:1123", "ACCUSE")]
    [InlineData("cameo:196", "ASSAULT")]
    [InlineData("cameo:016", null)]
    [InlineData("acled:Explosions/Remote violence/Air/drone strike", "ASSAULT")]
    [InlineData("acled:Protests", "PROTEST")]
    [InlineData("acled:Strategic developments/Agreement", "AGREE")]
    [InlineData("acled:Strategic developments/Other", null)]
    [InlineData("ucdp:one-sided", "ASSAULT")]
    public void Types_map_to_PLOVER_only_where_the_meaning_is_the_same(string type, string? plover) =>
        Assert.Equal(plover, PloverExport.Type(EventType.Parse(type)));

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
