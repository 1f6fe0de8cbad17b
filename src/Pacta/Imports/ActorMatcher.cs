using Pacta.Model;
using Pacta.Places;

namespace Pacta.Imports;

/// <summary>
/// Matches the actor names of dataset rows to actors: by name, short name or any name the actor is also known by,
/// ignoring case and diacritics, and ignoring a trailing parenthesis such as ACLED's years (<c>(2003-)</c>) when
/// the full name matches nothing. A name that matches no actor makes a new one (id <c>DATASET-SLUG</c>), which
/// later rows then match.
/// </summary>
public sealed class ActorMatcher
{
    private readonly Dictionary<string, RecordId> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordId> asWritten = new(StringComparer.Ordinal);
    private readonly HashSet<RecordId> ids = [];

    public ActorMatcher(IEnumerable<Actor> actors)
    {
        foreach (var actor in actors) Learn(actor);
    }

    /// <summary>The actor a name means, and the actor made for it when none existed (null when one did).</summary>
    public (RecordId Id, Actor? Created) Resolve(string name, EventDataset dataset, RecordId source)
    {
        // A file names the same few actors again and again: folding each time would cost more than all the rest.
        if (asWritten.TryGetValue(name, out var id)) return (id, null);
        var folded = NameFolding.Fold(name);
        var bare = WithoutParenthesis(name);
        if (byName.TryGetValue(folded, out id) || bare != name && byName.TryGetValue(NameFolding.Fold(bare), out id))
        {
            asWritten[name] = id;
            return (id, null);
        }
        var prefix = dataset.ToString().ToLowerInvariant();
        var slug = Slug.Of(name, 80);
        var candidate = slug.Length == 0 ? $"{prefix}-actor-{Digests.Of(name)[..8]}" : $"{prefix}-{slug}";
        if (!RecordId.IsValid(candidate) || ids.Contains(new RecordId(candidate))) candidate = $"{prefix}-{(slug.Length == 0 ? "actor" : slug)}-{Digests.Of(name)[..8]}";
        var created = new Actor(new RecordId(candidate), GuessKind(name), name, null, [], [source],
            $"Made by an import from {dataset.ToString().ToUpperInvariant()}, under the name that dataset gives; its kind is a guess from the name.");
        Learn(created);
        asWritten[name] = created.Id;
        return (created.Id, created);
    }

    private void Learn(Actor actor)
    {
        ids.Add(actor.Id);
        foreach (var name in new[] { actor.Name, actor.ShortName }.Concat(actor.AlsoKnownAs ?? []).OfType<string>())
            byName.TryAdd(NameFolding.Fold(name), actor.Id);
    }

    private static string WithoutParenthesis(string name)
    {
        var trimmed = name.TrimEnd();
        if (!trimmed.EndsWith(')')) return name;
        var open = trimmed.LastIndexOf('(');
        return open > 0 ? trimmed[..open].TrimEnd() : name;
    }

    private static ActorKind GuessKind(string name)
    {
        string[] armed = ["forces", "military", "army", "militia", "border guard", "police", "troops"];
        return armed.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)) ? ActorKind.ArmedForce : ActorKind.Body;
    }
}
