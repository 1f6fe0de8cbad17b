using Pacta.Compliance;
using Pacta.Datasets;
using Pacta.Model;
using static Pacta.Tests.Compliance.Build;
using static Pacta.Compliance.ObligationState;

namespace Pacta.Tests.Compliance;

/// <summary>
/// The rules and roll-ups on the bundled case. The expected figures are counted by hand from
/// data/south-caucasus/assessments.yaml and documents/trilateral-statement-2020-11-10.yaml: the statement has
/// 18 obligations. At the end of 2025, 17 are assessed: 6 with a score (Aghdam, Kalbajar, Lachin, the deployment
/// by 2020-11-30 and the new route 2022-08 with 3, the new links 2025-08-08 with 1) and 11 without one (disputed
/// or lapsed); only the border guards' oversight is unassessed.
/// </summary>
public sealed class BundledCaseComplianceTests
{
    private static readonly ComplianceCase Case =
        ComplianceCase.From(DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")));

    private static readonly RecordId Statement = Id("trilateral-statement-2020-11-10");

    [Fact]
    public void The_2020_statement_at_the_end_of_2020_counts_four_returns_and_deployments_of_18()
    {
        var tally = Case.ForDocument(Statement, Day("2020-12-31")).Tally;

        Assert.Equal(new ScoreTally(Obligations: 18, Denominator: 4, Numerator: 12, HighestNumerator: 12, Unscored: 0, Unassessed: 14, Split: 0), tally);
        Assert.Equal(100m, tally.Percentage);
    }

    [Fact]
    public void The_2020_statement_at_the_end_of_2025_counts_six_scored_eleven_unscored_one_unassessed()
    {
        var tally = Case.ForDocument(Statement, Day("2025-12-31")).Tally;

        Assert.Equal(new ScoreTally(Obligations: 18, Denominator: 6, Numerator: 16, HighestNumerator: 16, Unscored: 11, Unassessed: 1, Split: 0), tally);
        Assert.Equal(18, tally.Possible);
    }

    [Fact]
    public void Armenias_obligations_under_the_2020_statement_at_the_end_of_2025()
    {
        var armenia = Case.ByParty(Day("2025-12-31"), Statement).Single(p => p.Key == "armenia").Tally;

        // Scored: Aghdam, Kalbajar, Lachin, new route (3 each), new links (1). Unscored: ceasefire, withdrawal, returns, detainees, unblocking, transit.
        Assert.Equal((11, 5, 13, 6, 0), (armenia.Obligations, armenia.Denominator, armenia.Numerator, armenia.Unscored, armenia.Unassessed));
    }

    [Fact]
    public void The_yearly_series_2020_to_2025_grows_as_assessments_come_in()
    {
        var series = Case.Series(RollUpScope.Document, Statement.Value, Enumerable.Range(2020, 6).Select(y => new DateOnly(y, 12, 31)));

        // 2021: the monitoring centre (3) and the exchanges under way (2); 2022: the new route (3), the ceasefire disputed;
        // 2023: withdrawal and safe passage disputed; 2024: the centre, the term and the corridor lapse, detainees, returns
        // and transport links disputed; 2025: new links begun (1).
        Assert.Equal([4, 6, 7, 7, 5, 6], series.Select(r => r.Tally.Denominator));
        Assert.Equal([12, 17, 20, 20, 15, 16], series.Select(r => r.Tally.Numerator));
        Assert.Equal([0, 0, 1, 3, 11, 11], series.Select(r => r.Tally.Unscored));
    }

    [Fact]
    public void Kalbajar_was_overdue_between_its_deadline_and_its_handover()
    {
        Assert.True(Case.State(Id("ts2020-art6-kalbajar-return"), Day("2020-11-20")).Overdue);
        Assert.False(Case.State(Id("ts2020-art6-kalbajar-return"), Day("2020-11-25")).Overdue);
    }

    [Fact]
    public void The_peacekeepers_term_lapsed_and_is_not_overdue_after_its_period()
    {
        var state = Case.State(Id("ts2020-art4-peacekeeper-term"), Day("2025-12-31"));

        Assert.True(state.Lapsed);
        Assert.False(state.Overdue);
    }

    [Fact]
    public void Control_of_the_corridor_was_blocked_until_the_deployment_was_assessed()
    {
        var before = Case.State(Id("ts2020-art6-corridor-peacekeepers"), Day("2020-11-20"));
        var after = Case.State(Id("ts2020-art6-corridor-peacekeepers"), Day("2020-12-31"));

        Assert.Equal([Id("ts2020-art3-peacekeeper-deployment")], before.BlockedBy);
        Assert.False(after.Blocked);
        Assert.True(Case.State(Id("ts2020-art9-border-guard-oversight"), Day("2025-12-31")).Blocked);
    }

    [Fact]
    public void Reciprocal_pairs_name_each_other()
    {
        Assert.Equal([Id("ts2020-art4-armenian-withdrawal")], Case.State(Id("ts2020-art3-peacekeeper-deployment"), Day("2021-01-01")).ReciprocalPartners);
        Assert.Equal([Id("ts2020-art9-unblock-links-azerbaijan")], Case.State(Id("ts2020-art9-unblock-links-armenia"), Day("2021-01-01")).ReciprocalPartners);
    }

    [Fact]
    public void Article_9_transit_is_disputed_by_claims_once_armenia_answers_azerbaijan()
    {
        var transit = Id("ts2020-art9-transit-guarantee");

        Assert.False(Case.State(transit, Day("2023-12-31")).Disputed);
        var answered = Case.State(transit, Day("2024-10-14"));
        Assert.True(answered.Disputed);
        Assert.Equal(["azerbaijan", "armenia"], answered.ContestingClaims.Select(c => c.Asserter.Value));
        Assert.False(Case.State(Id("ts2020-art7-returns"), Day("2024-10-13")).Disputed); // Azerbaijan's claim only, and no view yet
        Assert.True(Case.State(Id("ts2020-art7-returns"), Day("2024-10-14")).Disputed);
    }

    [Theory]
    [InlineData("ts2020-art4-armenian-withdrawal")]
    [InlineData("ts2020-art6-safe-passage")]
    [InlineData("ts2020-art8-exchange")]
    [InlineData("ts2020-art9-transit-guarantee")]
    [InlineData("ts2020-art9-unblock-links-armenia")]
    public void Where_the_sides_disagree_each_sides_claim_is_shown_and_the_obligation_is_disputed(string obligation)
    {
        var state = Case.State(Id(obligation), Day("2025-12-31"));

        Assert.True(state.Disputed);
        Assert.Equal(Term(AssessmentStatus.Disputed), state.Status);
        Assert.Null(state.Scores);
        Assert.Equal(["armenia", "azerbaijan"], state.ContestingClaims.Select(c => c.Asserter.Value).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_assessment_scores_an_obligation_that_the_claims_dispute_at_its_date()
    {
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        var assessments = dataset.OfType<Assessment>().ToList();

        Assert.True(assessments.Count >= 25);
        Assert.All(assessments, a =>
        {
            var contested = Case.State(a.Obligation, a.AsOf.Last).ContestingClaims.Count > 0;
            Assert.False(contested && a.Score is not null, $"{a.Id} scores an obligation whose claims disagree");
            Assert.NotEmpty(a.Evidence);
        });
    }

    [Fact]
    public void The_later_statements_are_assessed_too()
    {
        var assessed = Case.ByDocument(Day("2025-12-31")).Where(r => r.Tally.Obligations > r.Tally.Unassessed).Select(r => r.Key).ToHashSet();

        foreach (var document in new[] { "trilateral-statement-2021-01-11", "trilateral-statement-2021-11-26", "prague-statement-2022-10-06",
            "joint-statement-2023-12-07", "joint-declaration-2025-08-08" })
            Assert.Contains(document, assessed);
    }

    [Fact]
    public void The_bundled_case_has_no_cycle_of_conditions() =>
        Assert.Empty(Linkages.Cycles(Case.Documents.SelectMany(d => d.Obligations)));
}
