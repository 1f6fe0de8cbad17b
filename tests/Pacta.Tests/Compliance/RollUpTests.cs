using Pacta.Compliance;
using Pacta.Model;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Compliance;

/// <summary>Roll-ups on small cases whose arithmetic can be read off the test.</summary>
public sealed class RollUpTests
{
    private static readonly ComplianceCase Small = new(
        [
            Document("doc",
                Provision("art_1", [Theme.Ceasefire], Obligation("o1", bearers: ["armenia"]), Obligation("o2", bearers: ["azerbaijan"])),
                Provision("art_2", [Theme.Ceasefire, Theme.Withdrawal], Obligation("o3", bearers: ["armenia", "azerbaijan"]), Obligation("o4", bearers: ["armenia"]))),
            Document("other", Provision("art_1", [Theme.Withdrawal], Obligation("o5", bearers: ["armenia"]))),
        ],
        [
            Assessment("o1", "2021-01-01", AssessmentStatus.InProgress, 1),
            Assessment("o1", "2022-01-01", AssessmentStatus.Implemented, 3),
            Assessment("o2", "2021-06-01", AssessmentStatus.InProgress, 2, by: "one"),
            Assessment("o2", "2021-07-01", AssessmentStatus.InProgress, 1, by: "two"),
            Assessment("o3", "2021-01-01", AssessmentStatus.Disputed),
            Assessment("o5", "2021-01-01", AssessmentStatus.Implemented, 3),
        ],
        []);

    [Fact]
    public void A_document_roll_up_shows_numerator_denominator_and_what_it_could_not_count()
    {
        var tally = Small.ForDocument(Id("doc"), Day("2021-12-31")).Tally;

        // o1 scores 1; o2 splits 2/1 and counts its lowest; o3 is unscored; o4 unassessed.
        Assert.Equal(new ScoreTally(Obligations: 4, Denominator: 2, Numerator: 2, HighestNumerator: 3, Unscored: 1, Unassessed: 1, Split: 1), tally);
        Assert.Equal(6, tally.Possible);
        Assert.Equal(100m * 2 / 6, tally.Percentage);
        Assert.Equal(50m, tally.HighestPercentage);
    }

    [Fact]
    public void Per_document_each_document_counts_only_its_own_obligations()
    {
        var documents = Small.ByDocument(Day("2022-01-01"));

        Assert.Equal(["doc", "other"], documents.Select(d => d.Key));
        Assert.Equal([4, 1], documents.Select(d => d.Tally.Obligations));
        Assert.Equal(100m, documents[1].Tally.Percentage);
    }

    [Fact]
    public void Nothing_scored_gives_no_percentage_rather_than_zero()
    {
        var tally = Small.ForDocument(Id("doc"), Day("2020-12-31")).Tally;

        Assert.Equal(4, tally.Unassessed);
        Assert.Equal(0, tally.Denominator);
        Assert.Null(tally.Percentage);
    }

    [Fact]
    public void Per_party_a_joint_obligation_counts_for_each_bearer()
    {
        var parties = Small.ByParty(Day("2022-01-01"), Id("doc"));

        Assert.Equal(["armenia", "azerbaijan"], parties.Select(p => p.Key));
        Assert.Equal((3, 1, 3, 1, 1), (parties[0].Tally.Obligations, parties[0].Tally.Denominator, parties[0].Tally.Numerator, parties[0].Tally.Unscored, parties[0].Tally.Unassessed));
        Assert.Equal((2, 1, 1, 1), (parties[1].Tally.Obligations, parties[1].Tally.Denominator, parties[1].Tally.Numerator, parties[1].Tally.Unscored));
        Assert.Equal(4, Small.ByParty(Day("2022-01-01")).Single(p => p.Key == "armenia").Tally.Obligations); // all documents
    }

    [Fact]
    public void Per_theme_an_obligation_counts_under_each_theme_of_its_provision()
    {
        var themes = Small.ByTheme(Day("2022-01-01"));

        Assert.Equal(["ceasefire", "withdrawal"], themes.Select(t => t.Key));
        Assert.Equal(4, themes[0].Tally.Obligations);
        Assert.Equal(3, themes[1].Tally.Obligations);
        Assert.Equal((1, 3), (themes[1].Tally.Denominator, themes[1].Tally.Numerator));
    }

    [Fact]
    public void A_series_equals_the_roll_up_at_each_date_whatever_order_the_dates_come_in()
    {
        DateOnly[] dates = [Day("2023-01-01"), Day("2020-01-01"), Day("2021-06-15"), Day("2021-12-31"), Day("2021-06-15")];

        var series = Small.Series(RollUpScope.Party, "armenia", dates);

        Assert.Equal(dates.Distinct().Order(), series.Select(r => r.AsOf));
        foreach (var step in series)
            Assert.Equal(Small.ByParty(step.AsOf).Single(p => p.Key == "armenia").Tally, step.Tally);
        Assert.Equal([0, 2, 2, 2], series.Select(r => r.Tally.Denominator));
        Assert.Equal([0, 4, 4, 6], series.Select(r => r.Tally.Numerator));
    }
}
