using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Tests.Compliance;

/// <summary>The roll-up arithmetic, for any set of obligations and any assessors' scores.</summary>
public sealed class ScoreTallyProperties
{
    /// <summary>Each obligation as its views' scores: -1 stands for a view without a score; an empty list for no view.</summary>
    private static ScoreTally Tally(IEnumerable<int[]> obligations) =>
        obligations.Aggregate(ScoreTally.Empty, (t, views) => t.Add(Views(views)));

    private static PamScore?[] Views(int[] raw) =>
        [.. raw.Take(4).Select(v => Math.Abs(v % 5) - 1).Select(v => v < 0 ? null : new PamScore(v))];

    [Property]
    public bool The_percentage_stays_within_0_and_100_and_the_numerator_within_3_times_the_denominator(int[][] obligations)
    {
        var t = Tally(obligations ?? []);
        return t.Percentage is null == (t.Denominator == 0)
            && (t.Percentage ?? 0) is >= 0 and <= 100
            && (t.HighestPercentage ?? 0) is >= 0 and <= 100
            && t.Numerator <= t.HighestNumerator
            && t.HighestNumerator <= PamScore.Full * t.Denominator
            && t.Obligations == t.Denominator + t.Unscored + t.Unassessed;
    }

    [Property]
    public bool The_percentage_is_100_exactly_when_every_counted_obligation_scores_3(int[][] obligations)
    {
        var t = Tally(obligations ?? []);
        var counted = (obligations ?? []).Select(o => ScoreRange.Of(Views(o))).Where(r => r is not null).ToList();
        return t.Denominator == 0 || (t.Percentage == 100m) == counted.All(r => r!.Value.Lowest == PamScore.Full);
    }

    [Property]
    public bool Adding_an_obligation_scored_0_never_raises_the_percentage(int[][] obligations)
    {
        var before = Tally(obligations ?? []);
        var after = before.Add([new PamScore(0)]);
        return after.Denominator == before.Denominator + 1
            && after.Numerator == before.Numerator
            && (before.Percentage is null || after.Percentage <= before.Percentage);
    }

    [Property]
    public bool Unscored_and_unassessed_obligations_never_move_the_percentage(int[][] obligations, PositiveInt unscoredViews)
    {
        var before = Tally(obligations ?? []);
        var after = before.Add([]).Add([.. Enumerable.Repeat<PamScore?>(null, 1 + (unscoredViews.Get % 3))]);
        return after.Percentage == before.Percentage && after.Unassessed == before.Unassessed + 1 && after.Unscored == before.Unscored + 1;
    }

    [Property]
    public bool The_order_obligations_are_counted_in_does_not_matter(int[][] obligations)
    {
        var list = obligations ?? [];
        return Tally(list) == Tally(list.Reverse());
    }

    [Property]
    public Property A_score_range_holds_the_lowest_and_highest_score_given(NonEmptyArray<byte> scores)
    {
        var given = scores.Get.Select(s => s % 4).ToArray();
        var range = ScoreRange.Of([.. given.Select(s => new PamScore(s))]);
        return (range == new ScoreRange(given.Min(), given.Max())).Label($"{string.Join(',', given)} → {range}");
    }
}
