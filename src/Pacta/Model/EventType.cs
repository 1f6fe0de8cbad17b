namespace Pacta.Model;

public enum EventTypeScheme { Acled, Plover, Cameo, Ucdp }

/// <summary>
/// An event's type in one of the field's vocabularies, written <c>SCHEME:CODE</c>:
/// <c>acled:Battles/Armed clash</c>, <c>plover:CONSULT</c>, <c>cameo:0871</c>, <c>ucdp:state-based</c>.
/// </summary>
public sealed record EventType
{
    private EventType(EventTypeScheme scheme, string code, string? subType)
    {
        Scheme = scheme;
        Code = code;
        SubType = subType;
    }

    public EventTypeScheme Scheme { get; }

    /// <summary>The type within its scheme: an ACLED event type, a PLOVER type, a CAMEO code.</summary>
    public string Code { get; }

    /// <summary>An ACLED sub-event type, where one is given.</summary>
    public string? SubType { get; }

    public static IReadOnlyDictionary<string, string[]> AcledTypes { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Battles"] = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        ["Explosions/Remote violence"] = ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Chemical weapon"],
        ["Violence against civilians"] = ["Attack", "Sexual violence", "Abduction/forced disappearance"],
        ["Protests"] = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        ["Riots"] = ["Violent demonstration", "Mob violence"],
        ["Strategic developments"] = ["Agreement", "Non-violent transfer of territory", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Other"],
    };

    public static IReadOnlyList<string> PloverTypes { get; } =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    /// <summary>UCDP GED's <c>type_of_violence</c> 1, 2 and 3, in that order.</summary>
    public static IReadOnlyList<string> UcdpTypes { get; } = ["state-based", "non-state", "one-sided"];

    public static EventType Parse(string text) =>
        TryParse(text, out var type, out var error) ? type : throw new FormatException(error);

    public static bool TryParse(string? text, out EventType type, out string error)
    {
        type = null!;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0)
        {
            error = $"'{text}' is not an event type: write acled:TYPE[/SUB-TYPE], plover:TYPE, cameo:CODE or ucdp:TYPE";
            return false;
        }
        var scheme = text[..colon].Trim();
        var code = text[(colon + 1)..].Trim();
        switch (scheme)
        {
            case "acled":
                foreach (var (acledType, subTypes) in AcledTypes)
                {
                    if (code == acledType)
                    {
                        type = new(EventTypeScheme.Acled, acledType, null);
                        error = "";
                        return true;
                    }
                    if (code.StartsWith(acledType + "/", StringComparison.Ordinal))
                    {
                        var sub = code[(acledType.Length + 1)..];
                        if (!subTypes.Contains(sub, StringComparer.Ordinal))
                        {
                            error = $"'{sub}' is not an ACLED sub-event type of {acledType}; known: {string.Join(", ", subTypes)}";
                            return false;
                        }
                        type = new(EventTypeScheme.Acled, acledType, sub);
                        error = "";
                        return true;
                    }
                }
                error = $"'{code}' is not an ACLED event type; known: {string.Join(", ", AcledTypes.Keys)}";
                return false;
            case "plover":
                if (!PloverTypes.Contains(code, StringComparer.Ordinal))
                {
                    error = $"'{code}' is not a PLOVER event type; known: {string.Join(", ", PloverTypes)}";
                    return false;
                }
                type = new(EventTypeScheme.Plover, code, null);
                error = "";
                return true;
            case "cameo":
                if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
                {
                    error = $"'{code}' is not a CAMEO code (two to four digits, such as 046 or 0871)";
                    return false;
                }
                type = new(EventTypeScheme.Cameo, code, null);
                error = "";
                return true;
            case "ucdp":
                if (!UcdpTypes.Contains(code, StringComparer.Ordinal))
                {
                    error = $"'{code}' is not a UCDP type of violence; known: {string.Join(", ", UcdpTypes)}";
                    return false;
                }
                type = new(EventTypeScheme.Ucdp, code, null);
                error = "";
                return true;
            default:
                error = $"'{scheme}' is not an event type scheme: use acled, plover, cameo or ucdp";
                return false;
        }
    }

    public override string ToString()
    {
        var scheme = Scheme switch
        {
            EventTypeScheme.Acled => "acled",
            EventTypeScheme.Plover => "plover",
            EventTypeScheme.Cameo => "cameo",
            EventTypeScheme.Ucdp => "ucdp",
            _ => throw new InvalidOperationException($"Unknown scheme {Scheme}"),
        };
        return SubType is null ? $"{scheme}:{Code}" : $"{scheme}:{Code}/{SubType}";
    }
}
