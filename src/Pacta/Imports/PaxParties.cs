using System.Security.Cryptography;
using System.Text;
using Pacta.Model;
using Pacta.Places;

namespace Pacta.Imports;

/// <summary>
/// One name in PA-X's <c>Part</c> or <c>ThrdPart</c> text: the state, organisation or group (<see cref="Entity"/>),
/// the person who signed for it when the text says so ("Ilham Aliyev, President of the Republic of Azerbaijan"),
/// and a role the text gives ("(mediator)", "Witnessed by: …").
/// </summary>
public sealed record PaxParty(string Text, string Entity, IReadOnlyList<string> EntityAlternatives, string? Person, SignatoryRole? Role);

/// <summary>
/// Takes PA-X's free-text party lists apart and matches each name with an actor. PA-X separates parties with
/// semicolons or line breaks and writes a state in several ways ("Government of Armenia", "Republic of
/// Armenia", "the Russian Federation"): names are compared folded (case and diacritics ignored, punctuation as
/// spaces), with and without such prefixes, against each actor's name and short name.
/// </summary>
public static class PaxParties
{
    public const int MaxNameLength = 300;

    private static readonly string[] StatePrefixes = ["government of", "republic of", "state of", "kingdom of", "federal republic of"];

    /// <summary>The names in one <c>Part</c> or <c>ThrdPart</c> field, in the order written, without repeats.</summary>
    public static IReadOnlyList<PaxParty> Split(string text)
    {
        var parties = new List<PaxParty>();
        SignatoryRole? labelRole = null;
        foreach (var raw in text.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var piece = raw.Trim(' ', '.', ',', '\t');
            // "Signed by: …", "Witnessed by: …", "Mediators: …": a label, whose role holds for the names after it until the next label.
            var colon = piece.IndexOf(':', StringComparison.Ordinal);
            SignatoryRole? role = null;
            if (colon is > 0 and <= 40 && !piece[..colon].Any(char.IsDigit))
            {
                labelRole = RoleIn(piece[..colon]);
                piece = piece[(colon + 1)..].Trim(' ', '.', ',', '\t');
            }
            if (piece.Length == 0) continue;
            // "(mediator)", "(as guarantor)": a role in brackets, dropped from the name.
            var open = piece.LastIndexOf('(');
            if (open > 0 && piece.EndsWith(')') && RoleIn(piece[(open + 1)..^1]) is { } bracketed)
            {
                role = bracketed;
                piece = piece[..open].Trim();
            }
            parties.Add(Read(raw.Trim(), piece, role ?? labelRole));
        }
        return parties.DistinctBy(p => Key(p.Entity) + "\u0000" + (p.Person is null ? "" : Key(p.Person))).ToList();
    }

    private static PaxParty Read(string text, string piece, SignatoryRole? role)
    {
        var comma = piece.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            var before = piece[..comma].Trim();
            var after = piece[(comma + 1)..].Trim();
            if (LooksLikePerson(before) && OfParts(after) is { Count: > 0 } entities)
                return new PaxParty(text, entities[0], entities, before, role);
            // "Government of Armenia, represented by …": the name is what comes before the comma.
            return new PaxParty(text, before, [before, piece], null, role);
        }
        return new PaxParty(text, piece, [piece], null, role);
    }

    /// <summary>
    /// In "Minister for Foreign Affairs of the Republic of Armenia", what the person acts for: each text after
    /// an " of ", most likely first (one that starts with "the" or a state's prefix), then the others from the left.
    /// </summary>
    private static List<string> OfParts(string title)
    {
        var parts = new List<string>();
        var at = 0;
        while ((at = title.IndexOf(" of ", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            at += 4;
            var rest = title[at..].Trim();
            if (rest.Length > 0) parts.Add(rest);
        }
        return parts
            .OrderBy(p => p.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || StatePrefixes.Any(s => Key(p).StartsWith(s + " ", StringComparison.Ordinal)) ? 0 : 1)
            .ToList();
    }

    /// <summary>Two to five capitalised words without "of": a person's name rather than an office or a body.</summary>
    private static bool LooksLikePerson(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5
            && words.All(w => char.IsUpper(w[0]) && !w.Any(char.IsDigit))
            && !words.Any(w => w.Equals("of", StringComparison.OrdinalIgnoreCase) || w.Equals("the", StringComparison.OrdinalIgnoreCase))
            && !Key(text).Split(' ').Any(w => w is "government" or "republic" or "state" or "federation" or "union" or "group" or "council" or "committee" or "forces" or "organization" or "organisation" or "nations" or "kingdom");
    }

    private static SignatoryRole? RoleIn(string text)
    {
        var key = Key(text);
        if (key.Contains("mediat", StringComparison.Ordinal) || key.Contains("facilitat", StringComparison.Ordinal)) return SignatoryRole.Mediator;
        if (key.Contains("guarant", StringComparison.Ordinal)) return SignatoryRole.Guarantor;
        if (key.Contains("witness", StringComparison.Ordinal) || key.Contains("presence", StringComparison.Ordinal) || key.Contains("observer", StringComparison.Ordinal)) return SignatoryRole.Witness;
        return null;
    }

    /// <summary>A name as compared: folded (case and diacritics), letters and digits only, single spaces, without a leading "the".</summary>
    public static string Key(string name)
    {
        var folded = NameFolding.Fold(name);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) key.Append(c);
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        var text = key.ToString().Trim();
        // A name of punctuation or symbols only still needs a key of its own, or every such name would be one actor.
        if (text.Length == 0) return name.Trim().ToLowerInvariant();
        return text.StartsWith("the ", StringComparison.Ordinal) ? text[4..] : text;
    }

    /// <summary>The key without the prefixes a state's name may carry ("Government of", "Republic of", "the").</summary>
    public static string Bare(string name)
    {
        var key = Key(name);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var prefix in StatePrefixes)
            {
                if (key.StartsWith(prefix + " ", StringComparison.Ordinal))
                {
                    key = key[(prefix.Length + 1)..];
                    if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
                    changed = true;
                }
            }
        }
        return key;
    }

    /// <summary>
    /// A kind for an actor PA-X names that the store lacks, guessed only where the name says it plainly; otherwise
    /// an organisation (the note on the actor says the kind was guessed).
    /// </summary>
    public static ActorKind GuessKind(string name, bool person)
    {
        if (person) return ActorKind.Person;
        var key = Key(name);
        var words = key.Split(' ');
        if (Bare(name) != key || words[^1] is "republic" or "federation" or "kingdom" or "emirates") return ActorKind.State;
        if (key.Contains("armed forces", StringComparison.Ordinal) || words.Contains("army")) return ActorKind.ArmedForce;
        if (words.Contains("court") || words.Contains("tribunal")) return ActorKind.Court;
        return ActorKind.Organisation;
    }

    /// <summary>A readable id for a new actor: <c>pax-</c> and the name's letters, or a digest of the name when it has no Latin letters.</summary>
    public static string Slug(string name)
    {
        var key = Key(name);
        var slug = new StringBuilder();
        foreach (var c in key)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        if (text.Length < 2)
            text = "actor-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
        const int room = RecordId.MaxLength - 4 - 4; // "pax-" and a "-NN" suffix should an id be taken
        if (text.Length > room) text = text[..room].TrimEnd('-');
        return "pax-" + text;
    }
}
