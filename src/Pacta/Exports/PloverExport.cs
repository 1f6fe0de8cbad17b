using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Model;

namespace Pacta.Exports;

/// <summary>
/// PLOVER's JSON Lines: one event per line with <c>id, date, enddate, actor, recipient, event, mode, context,
/// event_loc, event_text, cite_info, coder, coded_date, comment</c>. Mappings: docs/exports.md.
/// </summary>
public sealed class PloverExport(TextWriter output, LinkedRecords records) : EventExport(output, records)
{
    // Text stays readable (Armenian, Azerbaijani and Russian as they are): a JSON Lines file is not embedded in HTML.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string Coder = "pacta";

    public override void WriteHeader()
    {
        // JSON Lines has no header.
    }

    public override int Write(Event item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var origin = item.Origins?.FirstOrDefault(o => o.Dataset == EventDataset.Plover);
        var last = item.LastDay;
        var line = new JsonObject
        {
            ["id"] = origin?.Key ?? item.Id.Value,
            ["date"] = Day(item.Start.First),
            ["enddate"] = last == item.Start.First ? null : Day(last),
            ["actor"] = Names(item.Actors.Where(a => a.Role is EventActorRole.SideA or EventActorRole.Initiator or EventActorRole.Participant or EventActorRole.Host)),
            ["recipient"] = Names(item.Actors.Where(a => a.Role is EventActorRole.SideB or EventActorRole.Target)),
            ["event"] = Type(item.Type),
            ["mode"] = null,
            ["context"] = new JsonArray(),
            ["event_loc"] = Location(item.Place),
            ["event_text"] = item.Summary ?? item.Title,
            ["cite_info"] = Citation(item, origin),
            ["coder"] = Coder,
            ["coded_date"] = origin?.Revision,
            ["comment"] = Comment(item),
        };
        Output.Write(line.ToJsonString(Options));
        Output.Write('\n');
        return 1;
    }

    /// <summary>
    /// PLOVER's event type for a Pacta type: a PLOVER type as it is; a CAMEO code by its root (02 appeal → REQUEST,
    /// 04 consult → CONSULT, 057 sign an agreement → AGREE …); ACLED's violent types and UCDP's → ASSAULT; protests
    /// and riots → PROTEST; an ACLED agreement → AGREE, arrests → COERCE. Null where PLOVER has no such type.
    /// </summary>
    public static string? Type(EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Scheme switch
        {
            EventTypeScheme.Plover => type.Code,
            EventTypeScheme.Cameo when type.Code == "057" => "AGREE",
            EventTypeScheme.Cameo => type.Code[..2] switch
            {
                "02" or "10" => "REQUEST",
                "04" => "CONSULT",
                "05" or "06" => "COOPERATE",
                "07" => "AID",
                "08" => "CONCEDE",
                "11" => "ACCUSE",
                "12" => "REJECT",
                "13" => "THREATEN",
                "14" => "PROTEST",
                "15" => "MOBILIZE",
                "16" => "SANCTION",
                "17" => "COERCE",
                "18" or "19" or "20" => "ASSAULT",
                _ => null,
            },
            EventTypeScheme.Acled => (type.Code, type.SubType) switch
            {
                ("Battles" or "Explosions/Remote violence" or "Violence against civilians", _) => "ASSAULT",
                ("Protests" or "Riots", _) => "PROTEST",
                ("Strategic developments", "Agreement") => "AGREE",
                ("Strategic developments", "Arrests") => "COERCE",
                _ => null,
            },
            EventTypeScheme.Ucdp => "ASSAULT",
            _ => null,
        };
    }

    private JsonArray Names(IEnumerable<EventActor> actors) => new([.. actors.Select(a => (JsonNode?)ActorName(a.Actor))]);

    private JsonObject? Location(EventPlace? place)
    {
        if (place is null) return null;
        var names = PlaceNamesOf(place);
        var point = PointOf(place);
        return new JsonObject
        {
            ["name"] = names.Location,
            ["admin1"] = names.Admin1,
            ["admin2"] = names.Admin2,
            ["country"] = names.Country,
            ["lat"] = point?.Latitude,
            ["lon"] = point?.Longitude,
            ["precision"] = Spelling(place.Precision),
        };
    }

    /// <summary>The dataset rows' own citations, then each source cited: its title, publisher and address.</summary>
    private string Citation(Event item, EventOrigin? plover)
    {
        var parts = new List<string>();
        if (plover?.Citation is { } cited) parts.Add(cited);
        foreach (var id in item.Sources)
        {
            if (Records.Source(id) is not { } source)
            {
                parts.Add(id.Value);
                continue;
            }
            var text = source.Publisher is null ? source.Title : $"{source.Title} ({source.Publisher})";
            parts.Add(source.Url is null ? text : $"{text} {source.Url.AbsoluteUri}");
        }
        return string.Join(ListSeparator, parts);
    }

    /// <summary>What PLOVER has no field for: Pacta's id and type, mediators and observers, the other datasets' rows, and the note.</summary>
    private string? Comment(Event item)
    {
        var parts = new List<string> { $"pacta id={item.Id}", $"pacta type={item.Type}" };
        foreach (var role in new[] { EventActorRole.Mediator, EventActorRole.Observer })
        {
            var names = item.Actors.Where(a => a.Role == role).Select(a => ActorName(a.Actor)).ToList();
            if (names.Count > 0) parts.Add($"{Spelling(role)}: {string.Join(", ", names)}");
        }
        var others = (item.Origins ?? []).Where(o => o.Dataset != EventDataset.Plover).Select(o => o.ToString()).ToList();
        if (others.Count > 0) parts.Add($"also in {string.Join(", ", others)}");
        if (item.Note is { } note) parts.Add(note);
        return string.Join(ListSeparator, parts);
    }
}
