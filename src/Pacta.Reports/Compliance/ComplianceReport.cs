using Pacta.Compliance;
using Pacta.Model;
using Pacta.Reports.Charts;
using Pacta.Reports.Content;

namespace Pacta.Reports.Compliance;

/// <summary>
/// The compliance report as of a date: PAM-style roll-ups per document, party and theme with numerator,
/// denominator, unscored and unassessed shown; the two charts; every obligation's derived state; each assessor's
/// view with its rationale and evidence; the claims that contest an obligation, attributed; and the evidence
/// appendix every table links to.
/// </summary>
public static class ComplianceReport
{
    public static Report Build(CaseRecords records, DateOnly asOf, RecordId? document = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var documents = records.Documents
            .Where(d => document is null ? d.Obligations.Any() : d.Id == document)
            .ToList();
        if (document is not null && documents.Count == 0) throw new ArgumentException($"no document '{document}'", nameof(document));

        var evidence = new Evidence(records);
        var compliance = records.Compliance;
        var sections = new List<Section>
        {
            Summary(records, documents, asOf, document),
            Charts(records, documents, asOf, document),
            RollUps("By party (bearer)", "party", "parties", compliance.ByParty(asOf, document).Select(r => (records.Name(new RecordId(r.Key)), r)),
                "Every obligation a party bears, over " + (document is null ? "all documents" : "this document") +
                "; an obligation with several bearers counts whole for each."),
            RollUps("By theme", "theme", "themes", compliance.ByTheme(asOf, document).Select(r => (r.Key, r)),
                "Every obligation of a provision with the theme; an obligation under several themes counts under each."),
        };
        foreach (var d in documents) sections.AddRange(DocumentSections(records, evidence, d, asOf));
        sections.Add(evidence.Appendix());

        var scope = document is null ? "all documents with obligations" : documents[0].DisplayTitle;
        return new Report($"Compliance report as of {Words.Date(asOf)}", [
            $"Scope: {scope}.",
            "Derived from the assessments and claims recorded in the store; nothing in it is a finding of fact by the report itself.",
        ], sections);
    }

    private static Section Summary(CaseRecords records, IReadOnlyList<Document> documents, DateOnly asOf, RecordId? document)
    {
        var rows = documents.Select(d => RollUpRow(new Cell(new Link(d.DisplayTitle, Words.Anchor("doc", d.Id))), records.Compliance.ForDocument(d.Id, asOf).Tally)).ToList();
        return new Section("Roll-up per document", [
            Paragraph.Note(
                new Text("PAM % = sum of scores / (3 × scored obligations) × 100.", Strong: true),
                new Text(" Scores are those of the Peace Accords Matrix: 0 not started, 1 minimal, 2 intermediate, 3 full. " +
                    "Only obligations with at least one current view that carries a score are counted (the denominator); obligations " +
                    "assessed without a score and obligations not assessed are shown apart and never counted as zero. Where assessors " +
                    "give one obligation different scores, the lowest is counted and the highest is shown beside it.")),
            rows.Count == 0 ? new Paragraph(new Text(document is null ? "No document has obligations." : "The document has no obligations.")) : RollUpTable("document", rows),
        ], Anchor: "summary");
    }

    private static Section Charts(CaseRecords records, IReadOnlyList<Document> documents, DateOnly asOf, RecordId? document)
    {
        var states = documents.SelectMany(d => d.Obligations).Select(o => records.Compliance.State(o.Id, asOf)).ToList();
        var parties = states.SelectMany(s => s.Obligation.Bearers).Distinct().Order()
            .Select(p => (Id: p, Name: records.Name(p))).ToList();
        var inScope = states.Select(s => s.Obligation.Id).ToHashSet();
        var dates = SeriesDates(records.Assessments.Where(a => inScope.Contains(a.Obligation)), asOf);
        var series = parties
            .Select(p => (p.Name, records.Compliance.Series(RollUpScope.Party, p.Id.Value, dates, document)))
            .ToList();

        var blocks = new List<Block>();
        if (series.Any(s => s.Item2.Any(r => r.Tally.Percentage is not null)))
            blocks.Add(ComplianceCharts.ScoreOverTime(series));
        else
            blocks.Add(new Paragraph(new Text($"No obligation in scope was scored by {Words.Date(asOf)}: there is no score over time to draw.")));
        blocks.Add(Paragraph.Note(new Text("Points: 31 December of each year from the first assessment in scope, and the report's date. " +
            "The figures at each point are in the per-party table below (for the report's date) and follow from the assessments listed per document.")));
        if (states.Count > 0) blocks.Add(ComplianceCharts.ObligationMatrix(states, parties));
        return new Section("Charts", blocks, Anchor: "charts");
    }

    /// <summary>31 December of each year from the first assessment up to the date, and the date itself.</summary>
    internal static IReadOnlyList<DateOnly> SeriesDates(IEnumerable<Assessment> assessments, DateOnly asOf)
    {
        var first = assessments.Select(a => a.AsOf.First).Where(d => d <= asOf).DefaultIfEmpty(asOf).Min();
        return [.. Enumerable.Range(first.Year, asOf.Year - first.Year + 1)
            .Select(y => new DateOnly(y, 12, 31))
            .Where(d => d < asOf)
            .Append(asOf)];
    }

    private static Section RollUps(string heading, string what, string anchor, IEnumerable<(string Name, RollUp RollUp)> rollUps, string note)
    {
        var rows = rollUps.Select(r => RollUpRow(r.Name, r.RollUp.Tally)).ToList();
        return new Section(heading, [
            Paragraph.Note(new Text(note)),
            rows.Count == 0 ? new Paragraph(new Text("None.")) : RollUpTable(what, rows),
        ], Anchor: anchor);
    }

    private static Table RollUpTable(string what, IReadOnlyList<Row> rows) =>
        new([what, "obligations", "scored", "score", "PAM %", "highest view", "split", "assessed, no score", "unassessed"], rows);

    internal static Row RollUpRow(Cell name, ScoreTally t) => new([
        name,
        Words.Count(t.Obligations),
        Words.Count(t.Denominator),
        $"{Words.Count(t.Numerator)} / {Words.Count(t.Possible)}",
        new Cell(new Text(Words.Percent(t.Percentage), Strong: true)),
        t.Split > 0 ? $"{Words.Percent(t.HighestPercentage)} ({Words.Count(t.HighestNumerator)} / {Words.Count(t.Possible)})" : "same",
        Words.Count(t.Split),
        Words.Count(t.Unscored),
        Words.Count(t.Unassessed),
    ]);

    private static IEnumerable<Section> DocumentSections(CaseRecords records, Evidence evidence, Document document, DateOnly asOf)
    {
        var tally = records.Compliance.ForDocument(document.Id, asOf).Tally;
        var states = document.Provisions
            .SelectMany(p => p.Obligations.Select(o => (Provision: p, State: records.Compliance.State(o.Id, asOf))))
            .ToList();

        var summary = tally.Percentage is null
            ? $"{Words.Plural(tally.Obligations, "obligation", "obligations")}; none is scored as of {Words.Date(asOf)}"
            : $"{Words.Plural(tally.Obligations, "obligation", "obligations")}; {Words.Count(tally.Denominator)} scored, " +
              $"{Words.Count(tally.Numerator)} of {Words.Count(tally.Possible)} points: {Words.Percent(tally.Percentage)}" +
              (tally.Split > 0 ? $" (highest views: {Words.Percent(tally.HighestPercentage)}; assessors split on {Words.Count(tally.Split)})" : "");
        summary += $"; {Words.Count(tally.Unscored)} assessed without a score, {Words.Count(tally.Unassessed)} not assessed.";

        var obligationRows = states.Select(x => ObligationRow(records, x.Provision, x.State)).ToList();
        yield return new Section(document.Title, [
            new Paragraph(new Text($"{document.Id} · {Words.Term(document.Kind)} · {Words.Term(document.Status)}" +
                (document.Dates.Earliest is { } date ? $" · {date}" : "") + ". "), new Text(summary, Strong: true)),
            obligationRows.Count == 0
                ? new Paragraph(new Text("No obligations."))
                : new Table(["obligation", "provision", "bearers", "what", "due", "status (from assessments)", "score", "flags"], obligationRows),
            Paragraph.Note(new Text("Status is derived from the assessors' latest views as of the date (docs/compliance.md, rules 1–9); " +
                "score is the lowest–highest of the current views. Flags: overdue (deadline passed, neither implemented nor lapsed), " +
                "blocked (a condition is not implemented), reciprocal pairs, disputed (assessors differ or claims contest it), self-assessed.")),
        ], Anchor: Words.Anchor("doc", document.Id));

        var views = states.SelectMany(x => x.State.Views.Select(v => ViewRow(records, evidence, x.State, v))).ToList();
        yield return new Section("Assessors' views", [
            views.Count == 0
                ? new Paragraph(new Text($"No assessment of this document's obligations counts as of {Words.Date(asOf)}."))
                : new Table(["obligation", "assessor", "as of", "status", "score", "rationale", "evidence", "sources"], views),
            Paragraph.Note(new Text("Each assessor's latest view as of the date; an assessment by a bearer of the obligation about itself is marked as a self-assessment.")),
        ], Level: 2);

        var contested = states.Where(x => x.State.ContestingClaims.Count > 0).ToList();
        if (contested.Count > 0)
        {
            var claims = contested.SelectMany(x => x.State.ContestingClaims.Select(c => new Row([
                new Cell(Words.ObligationLink(x.State.Obligation.Id)),
                new Cell(evidence.Cite(c.Id)),
                new Cell(new Text($"{records.Name(c.Asserter)} {Words.Term(c.Stance)}: ", Strong: true), new Text(c.Statement)),
                c.Date?.ToString() ?? "undated",
                $"{c.Credibility} ({c.Credibility.Meaning})",
                new Cell(evidence.Sources(c.Sources)),
            ]))).ToList();
            yield return new Section("Contested claims", [
                Paragraph.Note(new Text("Claims about these obligations that differ in stance or come from more than one asserter, side by side. " +
                    "Each is what its asserter says; the report does not judge between them, and they do not change the status.")),
                new Table(["obligation", "claim", "who says what", "date", "credibility", "sources"], claims),
            ], Level: 2);
        }
    }

    private static Row ObligationRow(CaseRecords records, Provision provision, ObligationState state)
    {
        var o = state.Obligation;
        var due = o.Deadline?.ToString() ?? (o.Period is { } p ? $"{p.From}–{p.To?.ToString() ?? "open"}" : "");
        var flags = new List<IReadOnlyList<Inline>>();
        if (state.Overdue) flags.Add([new Text("overdue", Strong: true)]);
        if (state.Lapsed) flags.Add([new Text("lapsed")]);
        if (state.Blocked) flags.Add([new Text("blocked by "), .. Words.Join(state.BlockedBy.Select(b => (Inline)Words.ObligationLink(b)))]);
        if (state.ReciprocalPartners.Count > 0) flags.Add([new Text("reciprocal with "), .. Words.Join(state.ReciprocalPartners.Select(b => (Inline)Words.ObligationLink(b)))]);
        if (state.Disputed)
            flags.Add([new Text(state.ContestingClaims.Count > 0
                ? $"disputed: {Words.Plural(state.ContestingClaims.Count, "claim", "claims")} by {records.Names(state.ContestingClaims.Select(c => c.Asserter).Distinct())}"
                : "disputed: assessors differ")]);
        if (state.SelfAssessments.Count > 0) flags.Add([new Text($"self-assessed by {records.Names(state.SelfAssessments.Select(a => a.Assessor))}", Emphasis: true)]);
        var flagCell = new List<Inline>();
        foreach (var flag in flags)
        {
            if (flagCell.Count > 0) flagCell.Add(Break.Instance);
            flagCell.AddRange(flag);
        }
        return new Row([
            new Cell(new Text(o.Id.Value, Strong: true)),
            provision.Number,
            records.Names(o.Bearers),
            Words.Shorten(o.Action + (o.Object is { } obj ? " " + obj : "")),
            due,
            state.Status,
            ScoreText(state.Scores),
            new Cell(flagCell),
        ], Words.Anchor("ob", o.Id));
    }

    internal static string ScoreText(ScoreRange? range) => range switch
    {
        null => "–",
        { Split: true } r => $"{r.Lowest}–{r.Highest} (split)",
        { } r => Words.Count(r.Lowest),
    };

    private static Row ViewRow(CaseRecords records, Evidence evidence, ObligationState state, Assessment view)
    {
        var self = state.Obligation.Bearers.Contains(view.Assessor);
        return new Row([
            new Cell(Words.ObligationLink(state.Obligation.Id)),
            new Cell(self
                ? [new Text(records.Name(view.Assessor)), Break.Instance, new Text("self-assessment", Strong: true)]
                : [new Text(records.Name(view.Assessor))]),
            view.AsOf.ToString(),
            Words.Term(view.Status),
            view.Score is { } s ? $"{s} ({s.Meaning})" : "not scored",
            new Cell(new Text(view.Rationale + (view.Note is { } n ? $" ({n})" : ""))),
            new Cell(view.Evidence.Count == 0 ? [new Text("none cited")] : evidence.CiteAll(view.Evidence)),
            new Cell(evidence.Sources(view.Sources)),
        ]);
    }
}
