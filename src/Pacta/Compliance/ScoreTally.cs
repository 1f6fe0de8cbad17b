using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>The lowest and highest PAM score that an obligation's current views give it.</summary>
public readonly record struct ScoreRange
{
    public ScoreRange(int lowest, int highest)
    {
        if (lowest is < 0 or > PamScore.Full) throw new ArgumentOutOfRangeException(nameof(lowest), lowest, "a PAM score is 0–3");
        if (highest < lowest || highest > PamScore.Full) throw new ArgumentOutOfRangeException(nameof(highest), highest, $"must be from {lowest} to 3");
        Lowest = lowest;
        Highest = highest;
    }

    public int Lowest { get; }

    public int Highest { get; }

    /// <summary>Whether assessors gave different scores.</summary>
    public bool Split => Lowest != Highest;

    /// <summary>The range of the scores given, ignoring views that carry none; none when no view carries one.</summary>
    public static ScoreRange? Of(IEnumerable<PamScore?> scores)
    {
        int? lowest = null, highest = null;
        foreach (var score in scores)
        {
            if (score is null) continue;
            lowest = Math.Min(lowest ?? score.Value, score.Value);
            highest = Math.Max(highest ?? score.Value, score.Value);
        }
        return lowest is { } l ? new ScoreRange(l, highest!.Value) : null;
    }
}

/// <summary>
/// A PAM-style roll-up of a set of obligations: percentage = numerator / (3 × denominator) × 100, where the
/// denominator counts the obligations that carry a score and the numerator sums their scores. Obligations
/// assessed without a score and obligations not assessed at all are counted apart, never folded in as zero.
/// Where assessors' scores for one obligation differ, the <b>lowest</b> counts in <see cref="Numerator"/> (the
/// implementation every assessor grants) and the highest in <see cref="HighestNumerator"/>: the two
/// percentages are the spread, and <see cref="Split"/> says how many obligations made it.
/// </summary>
public sealed record ScoreTally(int Obligations, int Denominator, int Numerator, int HighestNumerator, int Unscored, int Unassessed, int Split)
{
    public static ScoreTally Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>The most the numerator could be: every counted obligation fully implemented.</summary>
    public int Possible => PamScore.Full * Denominator;

    /// <summary>The percentage with the lowest score of each obligation; none when no obligation is scored.</summary>
    public decimal? Percentage => Denominator == 0 ? null : 100m * Numerator / Possible;

    /// <summary>The percentage with the highest score of each obligation: equal to <see cref="Percentage"/> unless assessors split.</summary>
    public decimal? HighestPercentage => Denominator == 0 ? null : 100m * HighestNumerator / Possible;

    /// <summary>Counts one obligation by the scores of its current views (one per assessor; empty when unassessed).</summary>
    public ScoreTally Add(IReadOnlyCollection<PamScore?> viewScores)
    {
        ArgumentNullException.ThrowIfNull(viewScores);
        return Add(viewScores.Count, ScoreRange.Of(viewScores));
    }

    /// <summary>Counts one obligation by how many current views it has and the range of their scores (none when no view carries one).</summary>
    public ScoreTally Add(int views, ScoreRange? scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(views);
        if (views == 0) return this with { Obligations = Obligations + 1, Unassessed = Unassessed + 1 };
        return scores is { } range
            ? this with
            {
                Obligations = Obligations + 1,
                Denominator = Denominator + 1,
                Numerator = Numerator + range.Lowest,
                HighestNumerator = HighestNumerator + range.Highest,
                Split = Split + (range.Split ? 1 : 0),
            }
            : this with { Obligations = Obligations + 1, Unscored = Unscored + 1 };
    }
}
