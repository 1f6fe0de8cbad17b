using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pacta.Compliance;
using Pacta.Model;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Compliance;

/// <summary>The series walks assessments once; it must give what deriving each date from scratch gives.</summary>
public sealed class SeriesProperties
{
    private static readonly Obligation[] Obligations = [Obligation("o1"), Obligation("o2"), Obligation("o3"), Obligation("o4")];
    private static readonly DateOnly Start = new(2020, 1, 1);

    [Property]
    public bool A_series_equals_the_states_derived_afresh_at_each_date((byte Obligation, ushort Day, byte Assessor, byte Score)[] raw, ushort[] days)
    {
        var assessments = (raw ?? []).Select((r, i) => new Assessment(
            Id($"a{i}"), Obligations[r.Obligation % Obligations.Length].Id, PartialDate.Day(Start.AddDays(r.Day % 2000)),
            AssessmentStatus.InProgress, r.Score % 5 is var s && s < 4 ? new PamScore(s) : null,
            "because", [], Id($"assessor{r.Assessor % 3}"), [Id("src")])).ToList();
        var compliance = new ComplianceCase([Document("doc", Provision("art_1", [Theme.Ceasefire], Obligations))], assessments, []);
        var dates = (days ?? []).Select(d => Start.AddDays(d % 2100)).ToList();

        var series = compliance.Series(RollUpScope.Document, "doc", dates);

        return series.Select(r => r.AsOf).SequenceEqual(dates.Distinct().Order())
            && series.All(step => step.Tally == Obligations.Aggregate(ScoreTally.Empty,
                (t, o) => t.Add([.. ObligationState.Of(o, assessments, step.AsOf).Views.Select(v => v.Score)])));
    }
}
