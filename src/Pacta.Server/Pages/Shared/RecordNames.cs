using System.Text.Json;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Pages.Shared;

/// <summary>
/// What pages call records they mention by id: actors by name, sources with their grade, any subject by its
/// title and page. Actors and sources are few next to events, so a page reads them all once.
/// </summary>
public sealed class RecordNames(IStore store)
{
    private readonly Dictionary<RecordId, Actor> actors = store.All<Actor>().ToDictionary(a => a.Id);
    private readonly Dictionary<RecordId, Source> sources = store.All<Source>().ToDictionary(s => s.Id);

    public string Actor(RecordId id) => actors.TryGetValue(id, out var a) ? a.DisplayName : id.Value;

    public IEnumerable<Actor> Actors => actors.Values.OrderBy(a => a.Id);

    public Source? Source(RecordId id) => sources.GetValueOrDefault(id);

    /// <summary>A subject's title and the page it has (null when it has none), for claims and links.</summary>
    public (string Title, string? Href) Subject(RecordId id) => store.KindOf(id) switch
    {
        RecordKind.Obligation => (store.FindObligation(id) is { } o ? $"{o.Document.DisplayTitle}, {o.Provision.Number}: {o.Obligation.Action}" : id.Value, $"/obligations/{id}"),
        RecordKind.Document => ((store.Find(id) as Document)?.DisplayTitle ?? id.Value, $"/documents/{id}"),
        RecordKind.Event => ((store.Find(id) as Event)?.Title ?? id.Value, $"/events/{id}"),
        RecordKind.Place => ((store.Find(id) as Place)?.AllNames ?? id.Value, $"/places/{id}"),
        RecordKind.Issue => ((store.Find(id) as Issue)?.Title ?? id.Value, $"/issues/{id}"),
        RecordKind.Topic => ((store.Find(id) as Topic)?.Title ?? id.Value, $"/claims#{id}"),
        RecordKind.Claim => ($"Claim {id}", $"/claims#{id}"),
        RecordKind.Actor => (Actor(id), null),
        RecordKind.Source => (sources.TryGetValue(id, out var s) ? s.Title : id.Value, null),
        RecordKind.Assessment => ($"Assessment {id}", null),
        null => (id.Value, null),
        var kind => throw new InvalidOperationException($"no subject title for {kind}"),
    };

    /// <summary>A vocabulary term as readers write it: InForce → "in force".</summary>
    public static string Term<T>(T value) where T : struct, Enum => Kebab(value).Replace('-', ' ');

    /// <summary>A vocabulary term as the data writes it, for CSS classes: InForce → "in-force".</summary>
    public static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Reliability(Reliability grade) => grade switch
    {
        Model.Reliability.A => "completely reliable",
        Model.Reliability.B => "usually reliable",
        Model.Reliability.C => "fairly reliable",
        Model.Reliability.D => "not usually reliable",
        Model.Reliability.E => "unreliable",
        Model.Reliability.F => "reliability cannot be judged",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };
}
