using System.Globalization;
using FsCheck.Xunit;
using Pacta.Model;
using Pacta.Reports;
using Pacta.Reports.Compliance;
using Pacta.Reports.Content;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Reports;

/// <summary>The report's roll-up row for any assessments of a three-obligation document, against a count done here by hand.</summary>
public sealed class ComplianceReportProperties
{
    private static readonly string[] Assessors = ["editors", "armenia", "azerbaijan"];

    /// <summary>
    /// Each int is one assessment: obligation (o0–o2), assessor (of three), score (0–3, or none) and a day in 2021,
    /// taken from its digits. The report is as of the end of 2021, so every assessment counts.
    /// </summary>
    [Property(MaxTest = 60)]
    public bool The_document_row_counts_each_obligations_lowest_and_highest_current_score(int[] raw)
    {
        var assessments = (raw ?? []).Take(12).Select((value, i) =>
        {
            var v = Math.Abs((long)value);
            var obligation = $"o{v % 3}";
            var assessor = Assessors[(int)(v / 3 % 3)];
            var score = (int)(v / 9 % 5) - 1;
            var day = new DateOnly(2021, 1, 1).AddDays((int)(v / 45 % 300));
            return new Assessment(Id($"a{i}"), Id(obligation), PartialDate.Day(day), AssessmentStatus.InProgress,
                score < 0 ? null : new PamScore(score), "because", [], Id(assessor), [Id("src")]);
        }).ToList();
        var document = Document("doc", Provision("art_1", [Theme.Ceasefire], Obligation("o0"), Obligation("o1"), Obligation("o2")));
        var report = ComplianceReport.Build(new CaseRecords([document, .. assessments]), new DateOnly(2021, 12, 31));

        // By hand: each assessor's latest assessment (the later date, then the larger id) is its view.
        int scored = 0, low = 0, high = 0, unscored = 0, unassessed = 0, split = 0;
        foreach (var obligation in new[] { "o0", "o1", "o2" })
        {
            var views = assessments.Where(a => a.Obligation.Value == obligation)
                .GroupBy(a => a.Assessor)
                .Select(g => g.OrderBy(a => a.AsOf.First).ThenBy(a => a.Id.Value, StringComparer.Ordinal).Last())
                .ToList();
            var scores = views.Where(v => v.Score is not null).Select(v => v.Score!.Value).ToList();
            if (views.Count == 0) unassessed++;
            else if (scores.Count == 0) unscored++;
            else
            {
                scored++;
                low += scores.Min();
                high += scores.Max();
                if (scores.Min() != scores.Max()) split++;
            }
        }
        string Percent(int points) => scored == 0 ? "no score"
            : Math.Round(100m * points / (3 * scored), 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + " %";
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        string[] expected =
        [
            "doc", "3", N(scored), $"{N(low)} / {N(3 * scored)}", Percent(low),
            split > 0 ? $"{Percent(high)} ({N(high)} / {N(3 * scored)})" : "same", N(split), N(unscored), N(unassessed),
        ];
        var row = report.Sections.First(s => s.Heading == "Roll-up per document").Blocks.OfType<Table>().Single().Rows.Single();
        return row.Cells.Select(c => c.PlainText).SequenceEqual(expected);
    }
}
