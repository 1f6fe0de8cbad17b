using Pacta.Compliance;
using Pacta.Datasets;
using Pacta.Model;
using Pacta.Reports;
using Pacta.Reports.Compliance;
using Pacta.Reports.Content;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Reports;

public sealed class ComplianceReportTests
{
    private static readonly Report Small = ComplianceReport.Build(SmallCase.Case(), SmallCase.AsOf);

    private static Table TableUnder(Report report, string heading, int index = 0) =>
        report.Sections.First(s => s.Heading == heading).Blocks.OfType<Table>().ElementAt(index);

    private static Row RowOf(Table table, string first) => table.Rows.Single(r => r.Cells[0].PlainText == first);

    private static string[] Cells(Row row) => [.. row.Cells.Select(c => c.PlainText)];

    [Fact]
    public void The_document_roll_up_shows_numerator_denominator_the_split_and_what_was_not_counted()
    {
        var row = Cells(RowOf(TableUnder(Small, "Roll-up per document"), "Statement"));

        // By hand (SmallCase): o-return scored 1 (lowest) / 3 (highest); o-open unscored; o-commission unassessed.
        Assert.Equal(["Statement", "3", "1", "1 / 3", "33.3 %", "100 % (3 / 3)", "1", "1", "1"], row);
    }

    [Fact]
    public void Party_roll_ups_count_a_joint_obligation_for_each_bearer()
    {
        var table = TableUnder(Small, "By party (bearer)");

        // Armenia: o-return (1 of 3, split) and o-commission (unassessed). Azerbaijan: o-open (unscored) and o-commission.
        Assert.Equal(["Armenia", "2", "1", "1 / 3", "33.3 %", "100 % (3 / 3)", "1", "0", "1"], Cells(RowOf(table, "Armenia")));
        Assert.Equal(["Azerbaijan", "2", "0", "0 / 0", "no score", "same", "0", "1", "1"], Cells(RowOf(table, "Azerbaijan")));
    }

    [Fact]
    public void The_obligation_table_gives_each_derived_state_with_its_flags()
    {
        var table = TableUnder(Small, "The statement of 10 November 2020");

        var returned = RowOf(table, "o-return");
        Assert.Equal("ob-o-return", returned.Anchor);
        Assert.Equal("disputed", Cells(returned)[5]); // implemented (editors, Armenia) against in progress (Azerbaijan)
        Assert.Contains("disputed: assessors differ", Cells(returned)[7], StringComparison.Ordinal);
        Assert.Equal("1–3 (split)", Cells(returned)[6]);
        Assert.Contains("self-assessed by Armenia", Cells(returned)[7], StringComparison.Ordinal);
        Assert.Contains("reciprocal with o-open", Cells(returned)[7], StringComparison.Ordinal);

        var open = Cells(RowOf(table, "o-open"));
        Assert.Equal("disputed", open[5]);
        Assert.Contains("overdue", open[7], StringComparison.Ordinal);
        Assert.Contains("blocked by o-return", open[7], StringComparison.Ordinal);
        Assert.Contains("disputed: 2 claims by Armenia, Azerbaijan", open[7], StringComparison.Ordinal);

        var commission = Cells(RowOf(table, "o-commission"));
        Assert.Equal("unassessed", commission[5]);
        Assert.Equal("–", commission[6]);
        Assert.DoesNotContain("overdue", commission[7], StringComparison.Ordinal); // due January 2022, after the date
    }

    [Fact]
    public void Each_view_names_its_assessor_marks_self_assessment_and_links_its_evidence()
    {
        var views = TableUnder(Small, "Assessors' views");

        Assert.Equal(4, views.Rows.Count);
        var armenia = views.Rows.Single(r => r.Cells[1].PlainText.StartsWith("Armenia", StringComparison.Ordinal));
        Assert.Contains("self-assessment", armenia.Cells[1].PlainText, StringComparison.Ordinal);
        Assert.Contains(armenia.Cells[6].Content, i => i is Link { Anchor: "ev-ev-handover" });
        Assert.Contains(armenia.Cells[7].Content, i => i is Link { Anchor: "ev-src-a" });
        Assert.Contains("(A)", armenia.Cells[7].PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(views.Rows.Where(r => r != armenia), r => r.Cells[1].PlainText.Contains("self-assessment", StringComparison.Ordinal));
    }

    [Fact]
    public void Contested_claims_are_attributed_to_their_asserters()
    {
        var claims = TableUnder(Small, "Contested claims");

        Assert.Equal(["Armenia asserts: The road is not open", "Azerbaijan denies: The road is open to all"], claims.Rows.Select(r => r.Cells[2].PlainText));
    }

    [Fact]
    public void Every_link_to_evidence_lands_on_an_appendix_entry_that_grades_its_sources()
    {
        var anchors = Small.Anchors();
        var links = Small.Sections.SelectMany(s => s.Blocks).SelectMany(Inlines).OfType<Link>().ToList();

        Assert.NotEmpty(links);
        Assert.All(links.Where(l => l.Anchor.StartsWith("ev-", StringComparison.Ordinal)), l => Assert.Contains(l.Anchor, anchors));
        var appendix = TableUnder(Small, "Evidence and sources");
        Assert.Equal(["claim-am", "claim-az", "ev-handover", "src-a", "src-d"], appendix.Rows.Select(r => r.Cells[0].PlainText));
        Assert.Equal("reliability D", Cells(RowOf(appendix, "src-d"))[4]);
        Assert.Equal("src-d (D)", Cells(RowOf(appendix, "ev-handover"))[4]);
        Assert.StartsWith("Azerbaijan denies: ", Cells(RowOf(appendix, "claim-az"))[2], StringComparison.Ordinal);
    }

    [Fact]
    public void One_document_only_and_an_unknown_document_is_refused()
    {
        var two = SmallCase.Case(Document("other", Provision("art_1", [Theme.Ceasefire], Obligation("o-other"))));

        var one = ComplianceReport.Build(two, SmallCase.AsOf, Id("statement"));
        Assert.Single(TableUnder(one, "Roll-up per document").Rows);
        Assert.DoesNotContain(one.Sections, s => s.Anchor == "doc-other");
        Assert.Throws<ArgumentException>(() => ComplianceReport.Build(two, SmallCase.AsOf, Id("no-such-document")));
    }

    [Fact]
    public void Before_any_assessment_there_is_no_chart_of_scores_and_no_percentage()
    {
        var report = ComplianceReport.Build(SmallCase.Case(), new DateOnly(2021, 1, 1));

        Assert.Equal("no score", Cells(RowOf(TableUnder(report, "Roll-up per document"), "Statement"))[4]);
        Assert.DoesNotContain(report.Charts, c => c.FileStem == "score-over-time");
        Assert.Single(report.Charts, c => c.FileStem == "obligation-matrix");
    }

    [Fact]
    public void The_series_dates_are_each_year_end_from_the_first_assessment_and_the_date_itself()
    {
        var dates = ComplianceReport.SeriesDates(SmallCase.Case().Assessments, new DateOnly(2023, 6, 30));

        Assert.Equal([new DateOnly(2021, 12, 31), new DateOnly(2022, 12, 31), new DateOnly(2023, 6, 30)], dates);
    }

    [Fact]
    public void On_the_bundled_case_every_documents_row_agrees_with_its_roll_up()
    {
        var records = new CaseRecords(DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")).Records);
        var asOf = new DateOnly(2025, 12, 31);
        var report = ComplianceReport.Build(records, asOf);
        var table = TableUnder(report, "Roll-up per document");

        var documents = records.Documents.Where(d => d.Obligations.Any()).ToList();
        Assert.Equal(documents.Count, table.Rows.Count);
        foreach (var document in documents)
        {
            var tally = records.Compliance.ForDocument(document.Id, asOf).Tally;
            var row = Cells(RowOf(table, document.DisplayTitle));
            Assert.Equal(tally.Obligations.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
            Assert.Equal($"{tally.Numerator} / {3 * tally.Denominator}", row[3]);
            Assert.Equal(tally.Percentage is null ? "no score" : $"{Math.Round(100m * tally.Numerator / (3 * tally.Denominator), 1, MidpointRounding.AwayFromZero).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} %", row[4]);
            Assert.Equal([tally.Unscored.ToString(System.Globalization.CultureInfo.InvariantCulture), tally.Unassessed.ToString(System.Globalization.CultureInfo.InvariantCulture)], row[7..9]);
        }
        // Every obligation of every document is listed once, anchored.
        var obligations = documents.SelectMany(d => d.Obligations).Select(o => "ob-" + o.Id.Value).ToList();
        Assert.Equal(obligations.Order(), report.Anchors().Where(a => a.StartsWith("ob-", StringComparison.Ordinal)).Order());
        Assert.Equal(2, report.Charts.Count());
    }

    private static IEnumerable<Inline> Inlines(Block block) => block switch
    {
        Paragraph p => p.Content,
        Table t => t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Content),
        _ => [],
    };
}
