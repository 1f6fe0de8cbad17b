using Pacta.Model;

namespace Pacta.Claims;

/// <summary>
/// Every claim about one subject, kept side by side. The order is by asserter, then date, then id: never by
/// which claim anyone finds more likely, so no side is put first for its content. None of them is ever taken
/// for the fact.
/// </summary>
public sealed record ContestedSet(RecordId Subject, IReadOnlyList<Claim> Claims)
{
    /// <summary>Contested when more than one actor speaks to the subject or the stances differ.</summary>
    public bool IsContested => AreContested(Claims);

    /// <summary>The claims grouped by subject, subjects in id order.</summary>
    public static IReadOnlyList<ContestedSet> Group(IEnumerable<Claim> claims) =>
        claims.GroupBy(c => c.Subject)
            .OrderBy(g => g.Key)
            .Select(g => new ContestedSet(g.Key, g.OrderBy(c => c.Asserter).ThenBy(c => c.Date).ThenBy(c => c.Id).ToList()))
            .ToList();

    /// <summary>More than one asserter, or more than one stance.</summary>
    public static bool AreContested(IEnumerable<Claim> claims)
    {
        var list = claims.ToList();
        return list.Select(c => c.Asserter).Distinct().Count() > 1 || list.Select(c => c.Stance).Distinct().Count() > 1;
    }
}

/// <summary>
/// A contested set as the API serves it: the subject's kind and title, and each claim with the sources it cites
/// and their reliability grades.
/// </summary>
public sealed record CitedSet(RecordId Subject, RecordKind? SubjectKind, string? Title, IReadOnlyList<CitedClaim> Claims)
{
    /// <summary>
    /// The contested sets among <paramref name="claims"/>, ordered by subject. <paramref name="describe"/> gives a
    /// subject's kind and title (null when no record has that id); <paramref name="source"/> a cited source (null when unknown).
    /// </summary>
    public static IReadOnlyList<CitedSet> Among(
        IEnumerable<Claim> claims,
        Func<RecordId, (RecordKind Kind, string Title)?> describe,
        Func<RecordId, Source?> source)
    {
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(source);
        return ContestedSet.Group(claims)
            .Where(set => set.IsContested)
            .Select(set =>
            {
                var subject = describe(set.Subject);
                var cited = set.Claims
                    .Select(c => new CitedClaim(c, c.Sources.Select(id => source(id) is { } s
                        ? new CitedSource(s.Id, s.Title, s.Publisher, s.Reliability)
                        : new CitedSource(id, null, null, null)).ToList()))
                    .ToList();
                return new CitedSet(set.Subject, subject?.Kind, subject?.Title, cited);
            })
            .ToList();
    }
}

/// <summary>A claim with the sources it cites, each with its reliability grade.</summary>
public sealed record CitedClaim(Claim Claim, IReadOnlyList<CitedSource> Sources);

/// <summary>A source as a claim cites it: title, publisher and reliability (null when the store does not hold it).</summary>
public sealed record CitedSource(RecordId Id, string? Title, string? Publisher, Reliability? Reliability);
