using Pacta.Model;
using Pacta.Places;

namespace Pacta.Imports;

/// <summary>How an import compares the names a dataset writes with actors' names, beyond what every import does.</summary>
[Flags]
public enum ActorNameRules
{
    /// <summary>Names compared folded: case and diacritics ignored.</summary>
    None = 0,

    /// <summary>Failing the full name, the name without a trailing parenthesis (ACLED's years: <c>(2003-)</c>).</summary>
    WithoutTrailingParenthesis = 1,

    /// <summary>Punctuation compared as spaces, and a leading "the" dropped (<see cref="PaxParties.Key"/>).</summary>
    PunctuationAsSpaces = 2,

    /// <summary>Failing the full name, the name without a state's prefixes ("Government of", "Republic of": <see cref="PaxParties.Bare"/>).</summary>
    WithoutStatePrefixes = 4,

    /// <summary>ACLED, UCDP and PLOVER rows.</summary>
    EventDatasets = WithoutTrailingParenthesis,

    /// <summary>PA-X's party lists.</summary>
    Pax = PunctuationAsSpaces | WithoutStatePrefixes,
}

/// <summary>
/// The one way imports match a dataset's actor names to actors: by name, short name or any name the actor is also
/// known by, folded, with the dataset's own <see cref="ActorNameRules"/> on top. When two actors share a name the one
/// with the smallest id is taken, so the same name always means the same actor. Actors an import makes are
/// <see cref="Add"/>ed, so later rows find them. A name found once is remembered as written: a file names the same
/// few actors again and again, and folding each time would cost more than all the rest.
/// </summary>
public sealed class ActorMatcher
{
    private readonly ActorNameRules rules;
    private readonly Dictionary<string, Actor> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> byBare = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> asWritten = new(StringComparer.Ordinal);
    private readonly HashSet<RecordId> ids = [];

    public ActorMatcher(IEnumerable<Actor> actors, ActorNameRules rules = ActorNameRules.EventDatasets)
    {
        ArgumentNullException.ThrowIfNull(actors);
        this.rules = rules;
        var ordered = new List<Actor>(actors);
        ordered.Sort((a, b) => a.Id.CompareTo(b.Id));
        foreach (var actor in ordered) Add(actor);
    }

    /// <summary>The actor a name means, or null when none.</summary>
    public Actor? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (asWritten.TryGetValue(name, out var found)) return found;
        found = Lookup(name);
        if (found is not null) asWritten[name] = found;
        return found;
    }

    /// <summary>Makes an actor findable by its names (an actor an import made); a name another actor has keeps that actor.</summary>
    public void Add(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ids.Add(actor.Id);
        Index(actor.Name, actor);
        if (actor.ShortName is { } shortName) Index(shortName, actor);
        foreach (var name in actor.AlsoKnownAs ?? []) Index(name, actor);
    }

    /// <summary>Whether an actor known to the matcher has the id.</summary>
    public bool Has(RecordId id) => ids.Contains(id);

    /// <summary>
    /// For the event datasets: the actor a name means, and the actor made for it when none existed (null when one
    /// did): id <c>DATASET-SLUG</c>, its kind a guess from the name, citing <paramref name="source"/>.
    /// </summary>
    public (RecordId Id, Actor? Created) Resolve(string name, EventDataset dataset, RecordId source)
    {
        if (Find(name) is { } known) return (known.Id, null);
        var prefix = dataset.ToString().ToLowerInvariant();
        var slug = Slug.Of(name, 80);
        var candidate = slug.Length == 0 ? $"{prefix}-actor-{Digests.Of(name)[..8]}" : $"{prefix}-{slug}";
        if (!RecordId.IsValid(candidate) || Has(new RecordId(candidate))) candidate = $"{prefix}-{(slug.Length == 0 ? "actor" : slug)}-{Digests.Of(name)[..8]}";
        var created = new Actor(new RecordId(candidate), GuessKind(name), name, null, [], [source],
            $"Made by an import from {dataset.ToString().ToUpperInvariant()}, under the name that dataset gives; its kind is a guess from the name.");
        Add(created);
        asWritten[name] = created;
        return (created.Id, created);
    }

    private Actor? Lookup(string name)
    {
        var key = Key(name);
        if (byKey.TryGetValue(key, out var found)) return found;
        if (rules.HasFlag(ActorNameRules.WithoutStatePrefixes))
        {
            var bare = PaxParties.Bare(name);
            if (byKey.TryGetValue(bare, out found) || byBare.TryGetValue(bare, out found)) return found;
        }
        if (rules.HasFlag(ActorNameRules.WithoutTrailingParenthesis) && WithoutParenthesis(name) is { } shorter && byKey.TryGetValue(Key(shorter), out found))
            return found;
        return null;
    }

    private void Index(string name, Actor actor)
    {
        byKey.TryAdd(Key(name), actor);
        if (rules.HasFlag(ActorNameRules.WithoutStatePrefixes)) byBare.TryAdd(PaxParties.Bare(name), actor);
    }

    private string Key(string name) => rules.HasFlag(ActorNameRules.PunctuationAsSpaces) ? PaxParties.Key(name) : NameFolding.Fold(name);

    /// <summary>The name without a trailing parenthesis, or null when it has none.</summary>
    private static string? WithoutParenthesis(string name)
    {
        var trimmed = name.TrimEnd();
        if (!trimmed.EndsWith(')')) return null;
        var open = trimmed.LastIndexOf('(');
        return open > 0 ? trimmed[..open].TrimEnd() : null;
    }

    private static ActorKind GuessKind(string name)
    {
        string[] armed = ["forces", "military", "army", "militia", "border guard", "police", "troops"];
        foreach (var word in armed)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase)) return ActorKind.ArmedForce;
        }
        return ActorKind.Body;
    }
}
