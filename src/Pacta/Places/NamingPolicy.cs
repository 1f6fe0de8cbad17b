using Pacta.Model;

namespace Pacta.Places;

/// <summary>
/// Which of a place's names to show first: all of them (the default, favouring no one), the names one party
/// uses, or the names in one language. A policy only orders names; every name stays listed.
/// </summary>
public sealed record NamingPolicy
{
    private NamingPolicy(string? party, string? language)
    {
        Party = party;
        Language = language;
    }

    public static NamingPolicy All { get; } = new(null, null);

    public string? Party { get; }

    public string? Language { get; }

    public static NamingPolicy OfParty(RecordId party) => new(party.Value, null);

    public static NamingPolicy InLanguage(string language) => new(null, LanguageTag.Check(language, nameof(language)));

    /// <summary>Reads <c>all</c>, <c>party:ACTOR</c> or <c>lang:xx</c>; anything else (or nothing) is null.</summary>
    public static NamingPolicy? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "all") return All;
        if (text.StartsWith("party:", StringComparison.Ordinal) && RecordId.IsValid(text[6..])) return OfParty(new RecordId(text[6..]));
        if (text.StartsWith("lang:", StringComparison.Ordinal))
        {
            try
            {
                return InLanguage(text[5..]);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>The names the policy prefers, in the record's order; empty under "all names" or when none fits.</summary>
    public IReadOnlyList<PlaceName> Preferred(Place place) =>
        Party is { } party ? place.Names.Where(n => n.UsedBy.Any(u => u.Value == party)).ToList()
        : Language is { } lang ? place.Names.Where(n => string.Equals(n.Lang, lang, StringComparison.OrdinalIgnoreCase)).ToList()
        : [];

    /// <summary>What to call the place: the preferred names, or all of them when the policy prefers none.</summary>
    public string Heading(Place place) =>
        Preferred(place) is { Count: > 0 } preferred
            ? string.Join(" / ", preferred.Select(n => n.Text).Distinct(StringComparer.Ordinal))
            : place.AllNames;

    /// <summary>
    /// A short name for a map label: the first preferred name, or under "all names" the first name of each
    /// party's usage (Xankəndi / Ստեփանակերտ), so a label stays short without taking a side.
    /// </summary>
    public string Label(Place place)
    {
        if (Preferred(place) is { Count: > 0 } preferred) return preferred[0].Text;
        var byUsers = place.Names.GroupBy(n => string.Join(",", n.UsedBy.Select(u => u.Value).Order(StringComparer.Ordinal)), StringComparer.Ordinal).ToList();
        var parties = byUsers.Where(g => g.Key.Length > 0).ToList();
        return string.Join(" / ", (parties.Count > 0 ? parties : byUsers).Select(g => g.First().Text).Distinct(StringComparer.Ordinal));
    }

    /// <summary>Every name, the preferred ones first.</summary>
    public IReadOnlyList<PlaceName> Ordered(Place place)
    {
        var preferred = Preferred(place);
        return [.. preferred, .. place.Names.Where(n => !preferred.Contains(n))];
    }

    public override string ToString() => Party is { } p ? $"party:{p}" : Language is { } l ? $"lang:{l}" : "all";
}
