namespace Pacta.Restrictions;

/// <summary>
/// Who reads: the public (anyone who reaches a server, or an export meant to be shared), or a signed-in role. Only
/// whether it may read restricted data changes what it sees (<see cref="Redaction"/>).
/// </summary>
public sealed record Audience(string Name, bool ReadsRestricted)
{
    /// <summary>Anonymous readers and, by default, every export and report: no restricted data.</summary>
    public static Audience Public { get; } = new("public", false);

    /// <summary>The operator at the machine that holds the store (<c>--include-restricted</c>): everything.</summary>
    public static Audience Everything { get; } = new("everything", true);
}
