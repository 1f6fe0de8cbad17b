using FsCheck.Xunit;
using Pacta.Compliance;
using Pacta.Model;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Compliance;

/// <summary>
/// The timeline looks states up instead of deriving them: at any date it must give what <see cref="ComplianceCase"/>
/// derives afresh, on random cases with deadlines, periods, conditions (cycles too), reciprocal pairs and claims.
/// </summary>
public sealed class TimelineProperties
{
    private static readonly DateOnly Start = new(2020, 1, 1);
    private static readonly AssessmentStatus[] AllStatuses = Enum.GetValues<AssessmentStatus>();
    private static readonly Stance[] Stances = Enum.GetValues<Stance>();

    // o1 has a deadline, o2 a period and is conditional on o1, o3 is conditional on o4 and o4 on o3 (a cycle),
    // o3 and o5 are reciprocal; o5 has a month deadline and two bearers.
    private static readonly Obligation[] Obligations =
    [
        Obligation("o1", deadline: PartialDate.Day(2021, 3, 15)),
        Obligation("o2", period: new Period(PartialDate.Day(2020, 6, 1), PartialDate.Year(2022)), linkage: ConditionalOn("o1")),
        Obligation("o3", bearers: ["azerbaijan"], linkage: [ConditionalOn("o4"), ReciprocalTo("o5")]),
        Obligation("o4", linkage: ConditionalOn("o3")),
        Obligation("o5", deadline: PartialDate.Month(2022, 8), bearers: ["armenia", "azerbaijan"]),
    ];

    private static readonly string[] Assessors = ["armenia", "azerbaijan", "editors"];

    private static (ComplianceCase Case, ComplianceTimeline Timeline) Random(
        (byte Obligation, ushort Day, byte Precision, byte Assessor, byte Status, byte Score)[]? rawAssessments,
        (byte Obligation, ushort Day, byte Asserter, byte Stance, bool Undated)[]? rawClaims)
    {
        var assessments = (rawAssessments ?? []).Select((r, i) =>
        {
            var day = Start.AddDays(r.Day % 1500);
            var asOf = (r.Precision % 3) switch { 0 => PartialDate.Day(day), 1 => PartialDate.Month(day.Year, day.Month), _ => PartialDate.Year(day.Year) };
            return new Assessment(Id($"a{i}"), Obligations[r.Obligation % Obligations.Length].Id, asOf, AllStatuses[r.Status % AllStatuses.Length],
                r.Score % 5 is var s && s < 4 ? new PamScore(s) : null, "because", [], Id(Assessors[r.Assessor % Assessors.Length]), [Id("src")]);
        }).ToList();
        var claims = (rawClaims ?? []).Select((r, i) => Claim($"c{i}", Obligations[r.Obligation % Obligations.Length].Id.Value,
            Assessors[r.Asserter % Assessors.Length], Stances[r.Stance % Stances.Length],
            r.Undated ? null : Start.AddDays(r.Day % 1500).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Document[] documents =
        [
            Document("doc", Provision("art_1", [Theme.Ceasefire], Obligations[0], Obligations[1]), Provision("art_2", [Theme.Ceasefire, Theme.PrisonersDetainees], Obligations[2..])),
        ];
        return (new ComplianceCase(documents, assessments, claims), new ComplianceTimeline(documents, assessments, claims));
    }

    [Property(MaxTest = 200)]
    public bool The_state_looked_up_in_the_timeline_equals_the_state_derived_afresh(
        (byte, ushort, byte, byte, byte, byte)[] assessments, (byte, ushort, byte, byte, bool)[] claims, ushort[] days)
    {
        var (compliance, timeline) = Random(assessments, claims);
        return (days ?? []).Select(d => Start.AddDays(d % 1700 - 100)).All(date =>
            Obligations.All(o => Same(compliance.State(o.Id, date), timeline.State(o.Id, date))));
    }

    [Property(MaxTest = 100)]
    public bool The_state_is_constant_between_change_dates_and_the_stretches_cover_all_time(
        (byte, ushort, byte, byte, byte, byte)[] assessments, (byte, ushort, byte, byte, bool)[] claims)
    {
        var (compliance, timeline) = Random(assessments, claims);
        return Obligations.All(o =>
        {
            var segments = timeline.Segments(o.Id);
            var covers = segments[0].From is null && segments[^1].Until is null
                && segments.Zip(segments.Skip(1)).All(p => p.First.Until == p.Second.From && (p.First.From is null || p.First.From < p.Second.From));
            // The last day of each stretch derives the same state as its first (the open ones: a day long before, years after).
            var constant = segments.All(s =>
            {
                var first = s.From ?? new DateOnly(1, 1, 1);
                var last = s.Until?.AddDays(-1) ?? first.AddYears(20);
                var (a, b) = (compliance.State(o.Id, first), compliance.State(o.Id, last));
                return Same(a with { AsOf = last }, b);
            });
            return covers && constant;
        });
    }

    [Property(MaxTest = 100)]
    public bool The_roll_up_over_time_equals_the_series_at_every_change_date(
        (byte, ushort, byte, byte, byte, byte)[] assessments, (byte, ushort, byte, byte, bool)[] claims, byte party)
    {
        var (compliance, timeline) = Random(assessments, claims);
        var key = new[] { "armenia", "azerbaijan" }[party % 2];
        return Equal(RollUpScope.Document, "doc") && Equal(RollUpScope.Party, key) && Equal(RollUpScope.Theme, "prisoners-detainees");

        bool Equal(RollUpScope scope, string k)
        {
            var stretches = timeline.Series(scope, k);
            var dates = stretches.Select(s => s.From ?? new DateOnly(1900, 1, 1)).ToList();
            var series = compliance.Series(scope, k, dates);
            return stretches.Zip(series).All(p => p.First.Tally == p.Second.Tally);
        }
    }

    [Fact]
    public void Change_dates_are_assessment_days_claim_days_and_the_day_after_the_deadline()
    {
        Assessment[] assessments =
        [
            Assessment("o1", "2020-12", AssessmentStatus.InProgress, 1),
            Assessment("o2", "2021-02-03", AssessmentStatus.InProgress, 1),
        ];
        Claim[] claims = [Claim("c1", "o2", "armenia", Stance.Asserts, "2021-05-06"), Claim("c2", "o2", "azerbaijan", Stance.Denies, null)];
        var timeline = new ComplianceTimeline([Document("doc", Provision("art_1", [], Obligations[0], Obligations[1]))], assessments, claims);

        // o2: its own assessment, its condition o1's assessment (first day of the month), the dated claim, the day after 2022 ends.
        Assert.Equal([Day("2020-12-01"), Day("2021-02-03"), Day("2021-05-06"), Day("2023-01-01")], timeline.Segments(Id("o2")).Select(s => s.From).OfType<DateOnly>());
        Assert.Equal([Day("2020-12-01"), Day("2021-03-16")], timeline.Segments(Id("o1")).Select(s => s.From).OfType<DateOnly>());
        var beforeClaim = timeline.State(Id("o2"), Day("2021-05-05"));
        Assert.True(beforeClaim.Blocked);
        Assert.False(beforeClaim.Disputed);
        Assert.True(timeline.State(Id("o2"), Day("2021-05-06")).Disputed);
        Assert.False(timeline.State(Id("o2"), Day("2022-12-31")).Overdue);
        Assert.True(timeline.State(Id("o2"), Day("2023-01-01")).Overdue);
    }

    private static bool Same(ObligationState expected, ObligationState actual) =>
        expected.Obligation == actual.Obligation
        && expected.AsOf == actual.AsOf
        && expected.Status == actual.Status
        && expected.Overdue == actual.Overdue
        && expected.Views.SequenceEqual(actual.Views)
        && expected.BlockedBy.SequenceEqual(actual.BlockedBy)
        && expected.ReciprocalPartners.SequenceEqual(actual.ReciprocalPartners)
        && expected.ContestingClaims.SequenceEqual(actual.ContestingClaims)
        && expected.SelfAssessments.SequenceEqual(actual.SelfAssessments);
}
