using Pacta.Model;
using Pacta.Reports.Briefing;
using Pacta.Reports.Content;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Reports;

/// <summary>The briefing's windows on a hand-built case: 90 days before the date, 180 days after.</summary>
public sealed class BriefingReportTests
{
    private static readonly DateOnly Before = new(2021, 9, 1);

    private static Event Incident(string id, string start) =>
        new(Id(id), $"incident {id}", EventType.Parse("plover:ASSAULT"), PartialDate.Parse(start), null, null,
            [new EventActor(Id("armenia"), EventActorRole.SideA), new EventActor(Id("azerbaijan"), EventActorRole.SideB)], null, null, null, [Id("src-d")]);

    private static readonly Report Briefing = BriefingReport.Build(SmallCase.Case(
        Incident("inc-old", "2021-06-02"),       // 91 days before: outside
        Incident("inc-first-day", "2021-06-03"), // 90 days before: inside
        Incident("inc-last-day", "2021-08-31"),
        Incident("inc-on-the-day", "2021-09-01"), // the day itself is not before it
        new Issue(Id("issue-road"), "The road", null, [new IssueOption("open", "Open the road", null)],
        [
            new Position(Id("armenia"), PartialDate.Parse("2021-01-10"), "an older position", null, [Id("src-a")]),
            new Position(Id("armenia"), PartialDate.Parse("2021-07-10"), "the road must open first", "open", [Id("src-a")]),
            new Position(Id("azerbaijan"), PartialDate.Parse("2021-05-10"), "the road is open", null, [Id("src-a")]),
            new Position(Id("azerbaijan"), PartialDate.Parse("2021-10-10"), "a later position", null, [Id("src-a")]),
        ], [], [Id("src-a")]),
        new Claim(Id("claim-new"), Id("ev-handover"), Id("editors"), Stance.Asserts, PartialDate.Parse("2021-08-01"), "the handover took place", null, new Credibility(2), [Id("src-a")]),
        new Claim(Id("claim-undated"), Id("ev-handover"), Id("armenia"), Stance.Asserts, null, "an undated claim", null, new Credibility(6), [Id("src-a")]),
        new Claim(Id("claim-later"), Id("ev-handover"), Id("azerbaijan"), Stance.Disputes, PartialDate.Parse("2021-09-10"), "a claim after the date", null, new Credibility(2), [Id("src-a")])),
        Before);

    private static Section Section(string start) => Briefing.Sections.Single(s => s.Heading.StartsWith(start, StringComparison.Ordinal));

    private static Table Table(string start, int index = 0) => Section(start).Blocks.OfType<Table>().ElementAt(index);

    [Fact]
    public void The_windows_are_stated_in_the_report_and_in_the_headings()
    {
        Assert.Contains("Recent: 2021-06-03 to 2021-08-31 (the 90 days before). Upcoming: 2021-09-01 to 2022-02-28 (the next 180 days).", Briefing.Subtitle);
        Assert.Equal("Recent incidents and meetings (2021-06-03 to 2021-08-31)", Section("Recent incidents").Heading);
        Assert.Equal("Upcoming deadlines (2021-09-01 to 2022-02-28)", Section("Upcoming deadlines").Heading);
    }

    [Fact]
    public void Recent_incidents_are_those_of_the_90_days_before_the_date()
    {
        Assert.Equal(["inc-first-day", "inc-last-day"], Table("Recent incidents").Rows.Select(r => r.Cells[0].PlainText));
    }

    [Fact]
    public void Each_party_has_its_latest_position_before_the_date()
    {
        var rows = Table("Open issues").Rows;

        Assert.Equal(["Armenia", "Azerbaijan"], rows.Select(r => r.Cells[1].PlainText));
        Assert.Equal("Armenia's position: the road must open first (favours: Open the road)", rows[0].Cells[3].PlainText);
        Assert.Equal("Azerbaijan's position: the road is open", rows[1].Cells[3].PlainText);
    }

    [Fact]
    public void Overdue_and_blocked_obligations_say_why_they_are_listed()
    {
        var rows = Table("Overdue and blocked").Rows;

        // o-return is disputed and past its deadline; o-open is past its deadline and blocked by o-return; o-commission is due later.
        Assert.Equal(["o-return", "o-open"], rows.Select(r => r.Cells[0].PlainText));
        Assert.Contains("overdue since 2021-06", rows[1].Cells[5].PlainText, StringComparison.Ordinal);
        Assert.Contains("blocked by o-return", rows[1].Cells[5].PlainText, StringComparison.Ordinal);
        Assert.Contains("contested by claims of Armenia, Azerbaijan", rows[1].Cells[5].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void New_and_contested_claims_are_side_by_side_by_subject_with_new_ones_marked()
    {
        var rows = Table("New and contested claims").Rows;

        // ev-handover: an undated claim and a new one (the claim after the date is not shown); o-open: two asserters, both in the window.
        Assert.Equal(["claim-undated", "claim-new", "claim-am", "claim-az"], rows.Select(r => r.Cells[1].PlainText));
        Assert.Equal(["undated", "2021-08-01\nnew", "2021-06-20\nnew", "2021-06-25\nnew"], rows.Select(r => r.Cells[4].PlainText));
        Assert.Equal("Azerbaijan denies: The road is open to all", rows[3].Cells[3].PlainText);
        Assert.Contains("contested", rows[0].Cells[0].PlainText, StringComparison.Ordinal);
        Assert.Equal("", rows[1].Cells[0].PlainText);
    }

    [Fact]
    public void Upcoming_deadlines_are_those_of_the_next_180_days_not_yet_implemented()
    {
        var rows = Table("Upcoming deadlines").Rows;

        Assert.Equal([("2022-01", "o-commission")], rows.Select(r => (r.Cells[0].PlainText, r.Cells[1].PlainText)));
    }

    [Fact]
    public void Every_cited_record_is_in_the_appendix()
    {
        var anchors = Briefing.Anchors();
        var appendix = Table("Evidence and sources").Rows.Select(r => r.Cells[0].PlainText).ToList();

        Assert.Contains("inc-first-day", appendix);
        Assert.Contains("claim-new", appendix);
        Assert.Contains("src-a", appendix);
        Assert.All(appendix, id => Assert.Contains("ev-" + id, anchors));
    }
}
