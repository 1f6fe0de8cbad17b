using System.Security.Cryptography;
using System.Text;
using Pacta.Generation;
using Pacta.Model;

namespace Pacta.Exports;

/// <summary>
/// CSV for humanitarian partners, with HXL's hashtag row under the header. Everything goes through a disclosure
/// gate: no actor who is a person (only organisations, states, forces and bodies are named), no free text
/// (titles, summaries, notes, source titles and the datasets' citations may name people), sources named by their
/// publishing organisation only, and an event id that names a person it involves replaced by a code derived from it.
/// </summary>
public sealed class HxlExport(TextWriter output, LinkedRecords records) : EventExport(output, records)
{
    /// <summary>Each column's header and HXL hashtag, in order.</summary>
    public static IReadOnlyList<(string Header, string Tag)> Columns { get; } =
    [
        ("event_id", "#event+id"),
        ("start", "#date+start"),
        ("end", "#date+end"),
        ("date_precision", "#date+precision"),
        ("event_type", "#event+type"),
        ("country", "#country+name"),
        ("admin1", "#adm1+name"),
        ("admin2", "#adm2+name"),
        ("location", "#loc+name"),
        ("latitude", "#geo+lat"),
        ("longitude", "#geo+lon"),
        ("location_precision", "#geo+precision"),
        ("killed", "#affected+killed"),
        ("killed_low", "#affected+killed+min"),
        ("killed_high", "#affected+killed+max"),
        ("organisations", "#org+name"),
        ("sources", "#meta+source"),
    ];

    private readonly string[] fields = new string[Columns.Count];
    private readonly HashSet<RecordId> withheldPeople = [];
    private long coded;

    public override IReadOnlyList<string> Withheld
    {
        get
        {
            var said = new List<string>();
            if (withheldPeople.Count > 0) said.Add($"{withheldPeople.Count} person actor{(withheldPeople.Count == 1 ? "" : "s")} left out of #org+name");
            if (coded > 0) said.Add($"{coded} event id{(coded == 1 ? "" : "s")} naming a person replaced by a code");
            return said;
        }
    }

    public override void WriteHeader()
    {
        Csv.WriteRecord(Output, [.. Columns.Select(c => c.Header)]);
        Csv.WriteRecord(Output, [.. Columns.Select(c => c.Tag)]);
    }

    public override int Write(Event item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var place = PlaceNamesOf(item.Place);
        var point = PointOf(item.Place);
        var organisations = new List<string>();
        var people = new List<RecordId>();
        foreach (var actor in item.Actors.Select(a => a.Actor).Distinct())
        {
            var record = Records.Actor(actor);
            // An actor the store does not hold cannot be shown not to be a person: it is left out too.
            if (record is null || record.Kind == ActorKind.Person)
            {
                people.Add(actor);
                if (record is not null) withheldPeople.Add(actor);
                continue;
            }
            organisations.Add(record.Name);
        }

        var f = fields;
        f[0] = PublicId(item.Id, people);
        f[1] = Day(item.Start.First);
        f[2] = Day(item.LastDay);
        f[3] = Spelling(item.Start.Precision);
        f[4] = item.Type.ToString();
        f[5] = place.Country ?? "";
        f[6] = place.Admin1 ?? "";
        f[7] = place.Admin2 ?? "";
        f[8] = place.Location ?? "";
        f[9] = point is null ? "" : Degrees(point.Latitude);
        f[10] = point is null ? "" : Degrees(point.Longitude);
        f[11] = item.Place is { } p ? Spelling(p.Precision) : "";
        f[12] = Number(item.Fatalities?.Best);
        f[13] = Number(item.Fatalities?.Low);
        f[14] = Number(item.Fatalities?.High);
        f[15] = string.Join(ListSeparator, organisations);
        f[16] = string.Join(ListSeparator, item.Sources.Select(Publisher).OfType<string>().Distinct(StringComparer.Ordinal));
        Csv.WriteRecord(Output, f);
        return 1;
    }

    /// <summary>
    /// The event's id, unless it contains the id of a person it involves (ids are made from titles): then
    /// <c>event-</c> and twelve hexadecimal digits of the id's SHA-256, the same on every export.
    /// </summary>
    private string PublicId(RecordId id, IReadOnlyList<RecordId> people)
    {
        if (!people.Any(person => id.Value.Contains(person.Value, StringComparison.Ordinal))) return id.Value;
        coded++;
        return "event-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id.Value)))[..12];
    }

    /// <summary>A source's publishing organisation, named as the source names it or as its actor record does, unless a person; else nothing.</summary>
    private string? Publisher(RecordId id)
    {
        if (Records.Source(id) is not { } source) return null;
        if (source.PublisherActor is { } actorId)
            return Records.Actor(actorId) is { Kind: not ActorKind.Person } actor ? source.Publisher ?? actor.Name : null;
        return source.Publisher;
    }
}
