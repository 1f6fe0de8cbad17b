using Pacta.Compliance;
using Pacta.Model;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Compliance;

/// <summary>The derivation rules of <see cref="ObligationState"/>, one by one, in the order its comment numbers them.</summary>
public sealed class ObligationStateTests
{
    private static ComplianceCase Case(Obligation[] obligations, Assessment[]? assessments = null, Claim[]? claims = null) =>
        new([Document("doc", Provision("art_1", [Theme.Ceasefire], obligations))], assessments ?? [], claims ?? []);

    [Fact]
    public void Rule1_only_each_assessors_latest_view_on_or_before_the_date_counts()
    {
        var o = Obligation("o1");
        Assessment[] all =
        [
            Assessment("o1", "2021-01-01", AssessmentStatus.NotStarted, 0, by: "one"),
            Assessment("o1", "2022-01-01", AssessmentStatus.InProgress, 1, by: "one"),
            Assessment("o1", "2023-01-01", AssessmentStatus.Implemented, 3, by: "one"),
            Assessment("o1", "2022-06", AssessmentStatus.InProgress, 2, by: "two"),
        ];

        var state = ObligationState.Of(o, all, Day("2022-06-01"));

        Assert.Equal(["2022-01-01", "2022-06"], state.Views.Select(v => v.AsOf.ToString()));
        Assert.Equal("in-progress", state.Status);
        Assert.Empty(ObligationState.Of(o, all, Day("2020-12-31")).Views);
    }

    [Fact]
    public void Rule2_no_view_means_unassessed()
    {
        var state = ObligationState.Of(Obligation("o1"), [Assessment("other", "2020-01-01", AssessmentStatus.Implemented, 3)], Day("2025-01-01"));

        Assert.Equal(ObligationState.Unassessed, state.Status);
        Assert.True(state.IsUnassessed);
        Assert.Null(state.Scores);
        Assert.False(ObligationState.Of(Obligation("o1"), [Assessment("o1", "2020-01-01", AssessmentStatus.NotStarted, 0)], Day("2025-01-01")).IsUnassessed);
    }

    [Fact]
    public void Rule3_views_that_disagree_make_it_disputed_and_all_are_kept()
    {
        Assessment[] split =
        [
            Assessment("o1", "2021-01-01", AssessmentStatus.Implemented, 3, by: "one"),
            Assessment("o1", "2021-02-01", AssessmentStatus.Violated, 1, by: "two"),
        ];

        var state = ObligationState.Of(Obligation("o1"), split, Day("2021-03-01"));

        Assert.Equal("disputed", state.Status);
        Assert.True(state.Disputed);
        Assert.Equal(2, state.Views.Count);
        Assert.Equal(new ScoreRange(1, 3), state.Scores);
        Assert.Equal("implemented", ObligationState.Of(Obligation("o1"), split, Day("2021-01-15")).Status);
    }

    [Theory]
    [InlineData("2021-01-01", null, false)]      // the deadline day itself is not late
    [InlineData("2021-01-02", null, true)]       // the day after, nothing implemented
    [InlineData("2021-01-02", "in-progress", true)]
    [InlineData("2021-01-02", "implemented", false)]
    [InlineData("2021-01-02", "lapsed", false)]  // no longer owed
    public void Rule4_overdue_once_the_deadline_has_passed_and_it_is_not_implemented(string asOf, string? status, bool overdue)
    {
        var o = Obligation("o1", deadline: PartialDate.Parse("2021-01-01"));
        Assessment[] views = status is null ? [] :
            [Assessment("o1", "2020-12-01", Enum.Parse<AssessmentStatus>(status.Replace("-", "", StringComparison.Ordinal), ignoreCase: true))];

        Assert.Equal(overdue, ObligationState.Of(o, views, Day(asOf)).Overdue);
    }

    [Fact]
    public void Rule4_a_month_deadline_and_a_period_end_run_to_their_last_day()
    {
        var byMonth = Obligation("o1", deadline: PartialDate.Parse("2021-03"));
        var overPeriod = Obligation("o2", period: new Period(PartialDate.Parse("2020"), PartialDate.Parse("2021")));
        var openEnded = Obligation("o3", period: new Period(PartialDate.Parse("2020"), null));

        Assert.False(ObligationState.Of(byMonth, [], Day("2021-03-31")).Overdue);
        Assert.True(ObligationState.Of(byMonth, [], Day("2021-04-01")).Overdue);
        Assert.False(ObligationState.Of(overPeriod, [], Day("2021-12-31")).Overdue);
        Assert.True(ObligationState.Of(overPeriod, [], Day("2022-01-01")).Overdue);
        Assert.False(ObligationState.Of(openEnded, [], Day("2099-01-01")).Overdue);
    }

    [Fact]
    public void Rule5_lapsed_when_an_assessor_says_so_not_merely_because_the_period_ended()
    {
        var o = Obligation("o1", period: new Period(PartialDate.Parse("2020"), PartialDate.Parse("2021")));
        var lapsed = ObligationState.Of(o, [Assessment("o1", "2021-06", AssessmentStatus.Lapsed)], Day("2022-01-01"));
        var ended = ObligationState.Of(o, [Assessment("o1", "2021-06", AssessmentStatus.InProgress, 2)], Day("2022-01-01"));

        Assert.True(lapsed.Lapsed);
        Assert.False(lapsed.Overdue);
        Assert.False(ended.Lapsed);
        Assert.True(ended.Overdue);
    }

    [Fact]
    public void Rule6_blocked_while_its_condition_is_not_implemented()
    {
        var condition = Obligation("cond");
        var dependent = Obligation("dep", linkage: ConditionalOn("cond"));
        var compliance = Case(
            [condition, dependent],
            [Assessment("cond", "2021-01-01", AssessmentStatus.InProgress, 1), Assessment("cond", "2022-01-01", AssessmentStatus.Implemented, 3)]);

        Assert.Equal([Id("cond")], compliance.State(Id("dep"), Day("2020-06-01")).BlockedBy);  // unassessed condition
        Assert.True(compliance.State(Id("dep"), Day("2021-06-01")).Blocked);                    // in progress
        Assert.False(compliance.State(Id("dep"), Day("2022-01-01")).Blocked);                   // implemented
        Assert.False(compliance.State(Id("cond"), Day("2020-06-01")).Blocked);                  // only the dependent is blocked
    }

    [Fact]
    public void Rule6_a_cycle_of_conditions_blocks_both_without_looping_and_is_reported()
    {
        Obligation[] cycle = [Obligation("ob", linkage: ConditionalOn("oa")), Obligation("oa", linkage: ConditionalOn("ob")), Obligation("oc")];
        var compliance = Case(cycle);

        Assert.True(compliance.State(Id("oa"), Day("2021-01-01")).Blocked);
        Assert.True(compliance.State(Id("ob"), Day("2021-01-01")).Blocked);
        var found = Assert.Single(Linkages.Cycles(cycle));
        Assert.Equal([Id("oa"), Id("ob")], found);
        Assert.Empty(Linkages.Cycles([Obligation("ox", linkage: ConditionalOn("oy")), Obligation("oy")]));
    }

    [Fact]
    public void Rule7_reciprocal_partners_are_found_from_either_side()
    {
        var compliance = Case([Obligation("give", linkage: ReciprocalTo("take")), Obligation("take"), Obligation("alone")]);

        Assert.Equal([Id("take")], compliance.State(Id("give"), Day("2021-01-01")).ReciprocalPartners);
        Assert.Equal([Id("give")], compliance.State(Id("take"), Day("2021-01-01")).ReciprocalPartners);
        Assert.Empty(compliance.State(Id("alone"), Day("2021-01-01")).ReciprocalPartners);
    }

    [Fact]
    public void Rule8_claims_with_different_stances_make_it_disputed_once_both_are_made()
    {
        var compliance = Case(
            [Obligation("o1")],
            [Assessment("o1", "2021-01-01", AssessmentStatus.Implemented, 3)],
            [Claim("c1", "o1", "armenia", Stance.Asserts, "2021-02-01"), Claim("c2", "o1", "armenia", Stance.Denies, "2021-03-01")]);

        var before = compliance.State(Id("o1"), Day("2021-02-15"));
        var after = compliance.State(Id("o1"), Day("2021-03-01"));

        Assert.False(before.Disputed);
        Assert.Empty(before.ContestingClaims);
        Assert.True(after.Disputed);
        Assert.Equal(["c1", "c2"], after.ContestingClaims.Select(c => c.Id.Value));
        Assert.Equal("implemented", after.Status); // the status comes from assessments only
    }

    [Fact]
    public void Rule8_claims_from_different_asserters_dispute_it_and_undated_claims_always_count()
    {
        var compliance = Case(
            [Obligation("o1"), Obligation("o2")],
            claims:
            [
                Claim("c1", "o1", "armenia", Stance.Asserts, null), Claim("c2", "o1", "azerbaijan", Stance.Asserts, "2021"),
                Claim("c3", "o2", "armenia", Stance.Asserts, "2021"), Claim("c4", "o2", "armenia", Stance.Asserts, "2022"),
            ]);

        Assert.True(compliance.State(Id("o1"), Day("2021-01-01")).Disputed);
        Assert.False(compliance.State(Id("o1"), Day("2020-12-31")).Disputed);
        Assert.False(compliance.State(Id("o2"), Day("2023-01-01")).Disputed); // one voice repeating itself
    }

    [Fact]
    public void Rule9_a_bearer_assessing_its_own_obligation_counts_but_is_listed()
    {
        var o = Obligation("o1", bearers: ["armenia"]);
        Assessment[] views = [Assessment("o1", "2021-01-01", AssessmentStatus.Implemented, 3, by: "armenia"), Assessment("o1", "2021-01-01", AssessmentStatus.Implemented, 3, by: "monitors")];

        var state = ObligationState.Of(o, views, Day("2021-06-01"));

        Assert.Equal(2, state.Views.Count);
        Assert.Equal("armenia", Assert.Single(state.SelfAssessments).Assessor.Value);
        Assert.Empty(ObligationState.Of(o, views[1..], Day("2021-06-01")).SelfAssessments);
    }

    [Fact]
    public void Asking_for_an_obligation_no_document_holds_is_refused() =>
        Assert.Throws<KeyNotFoundException>(() => Case([Obligation("o1")]).State(Id("o2"), Day("2021-01-01")));

    [Fact]
    public void The_short_form_keeps_the_states_the_case_gives_for_rules_one_to_six()
    {
        Obligation[] obligations = [Obligation("cond", deadline: PartialDate.Parse("2021")), Obligation("dep", linkage: ConditionalOn("cond"))];
        Assessment[] assessments = [Assessment("cond", "2022-03", AssessmentStatus.Implemented, 3), Assessment("dep", "2021-01-01", AssessmentStatus.NotStarted, 0)];
        var compliance = Case(obligations, assessments);

        foreach (var day in new[] { "2020-06-01", "2022-01-01", "2022-03-01", "2023-01-01" })
            foreach (var o in obligations)
            {
                var full = compliance.State(o.Id, Day(day));
                var brief = ObligationState.Of(o, assessments, Day(day));
                Assert.Equal((full.Status, full.Overdue, full.Blocked, full.Views.Count), (brief.Status, brief.Overdue, brief.Blocked, brief.Views.Count));
            }
    }
}
