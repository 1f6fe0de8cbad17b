using Pacta.Model;

namespace Pacta.Claims;

/// <summary>
/// All claims about one subject, side by side. A set is contested when its claims come from more than one
/// asserter or differ in stance; none of them is ever taken for the fact.
/// </summary>
public sealed record ContestedSet(RecordId Subject, RecordKind? SubjectKind, string? Title, IReadOnlyList<CitedClaim> Claims)
{
    /// <summary>
    /// The contested sets among <paramref name="claims"/>, ordered by subject; each set's claims by date then id.
    /// <paramref name="describe"/> gives a subject's kind and title (null when no record has that id);
    /// <paramref name="source"/> gives a cited source (null when unknown).
    /// </summary>
    public static IReadOnlyList<ContestedSet> Among(
        IEnumerable<Claim> claims,
        Func<RecordId, (RecordKind Kind, string Title)?> describe,
        Func<RecordId, Source?> source)
    {
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(source);
        return claims
            .GroupBy(c => c.Subject)
            .Where(IsContested)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var subject = describe(g.Key);
                var cited = g.OrderBy(c => c.Date).ThenBy(c => c.Id)
                    .Select(c => new CitedClaim(c, c.Sources.Select(id => source(id) is { } s
                        ? new CitedSource(s.Id, s.Title, s.Publisher, s.Reliability)
                        : new CitedSource(id, null, null, null)).ToList()))
                    .ToList();
                return new ContestedSet(g.Key, subject?.Kind, subject?.Title, cited);
            })
            .ToList();
    }

    /// <summary>More than one asserter, or more than one stance.</summary>
    public static bool IsContested(IEnumerable<Claim> claims)
    {
        var list = claims.ToList();
        return list.Select(c => c.Asserter).Distinct().Count() > 1 || list.Select(c => c.Stance).Distinct().Count() > 1;
    }
}

/// <summary>A claim with the sources it cites, each with its reliability grade.</summary>
public sealed record CitedClaim(Claim Claim, IReadOnlyList<CitedSource> Sources);

/// <summary>A source as a claim cites it: title, publisher and reliability (null when the store does not hold it).</summary>
public sealed record CitedSource(RecordId Id, string? Title, string? Publisher, Reliability? Reliability);
