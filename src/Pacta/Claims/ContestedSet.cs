using Pacta.Model;

namespace Pacta.Claims;

/// <summary>
/// Every claim about one subject, kept side by side. The order is by asserter, then date, then id: never by
/// which claim anyone finds more likely, so no side is put first for its content.
/// </summary>
public sealed record ContestedSet(RecordId Subject, IReadOnlyList<Claim> Claims)
{
    /// <summary>Contested when more than one actor speaks to the subject or the stances differ.</summary>
    public bool IsContested =>
        Claims.Select(c => c.Asserter).Distinct().Count() > 1 || Claims.Select(c => c.Stance).Distinct().Count() > 1;

    /// <summary>The claims grouped by subject, subjects in id order.</summary>
    public static IReadOnlyList<ContestedSet> Group(IEnumerable<Claim> claims) =>
        claims.GroupBy(c => c.Subject)
            .OrderBy(g => g.Key)
            .Select(g => new ContestedSet(g.Key, g.OrderBy(c => c.Asserter).ThenBy(c => c.Date).ThenBy(c => c.Id).ToList()))
            .ToList();
}
