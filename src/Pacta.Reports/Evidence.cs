using Pacta.Model;
using Pacta.Reports.Content;

namespace Pacta.Reports;

/// <summary>
/// The evidence appendix: every record a report cites (events, claims, documents, sources), each once, with an
/// anchor that the report's tables link to, what it is, its date and its sources with their reliability grades.
/// A cited record's own sources are listed too, so every link ends at a graded source.
/// </summary>
internal sealed class Evidence(CaseRecords records)
{
    private readonly SortedSet<RecordId> cited = [];

    /// <summary>Cites a record and returns the link to its entry.</summary>
    public Link Cite(RecordId id)
    {
        cited.Add(id);
        return Words.EvidenceLink(id);
    }

    public IReadOnlyList<Inline> CiteAll(IEnumerable<RecordId> ids) => Words.Join(ids.Select(Cite));

    /// <summary>Sources as links, each followed by its reliability grade: "src-x (B), src-y (C)".</summary>
    public IReadOnlyList<Inline> Sources(IEnumerable<RecordId> ids) => Graded(ids.Select(id => (Cite(id), id)));

    private List<Inline> Graded(IEnumerable<(Link Link, RecordId Id)> sources)
    {
        var list = new List<Inline>();
        foreach (var (link, id) in sources)
        {
            if (list.Count > 0) list.Add(new Text(", "));
            list.Add(link);
            list.Add(new Text(Grade(id)));
        }
        return list;
    }

    private string Grade(RecordId source) => records.Source(source) is { } s ? $" ({s.Reliability})" : " (not in the store)";

    public Section Appendix()
    {
        // A cited record's sources are cited in turn; sources cite nothing, so this ends.
        foreach (var id in cited.ToList())
            if (records.Find(id) is { } record and not Source)
                foreach (var source in record.Sources) cited.Add(source);

        var rows = cited.Select(id => Entry(id)).ToList();
        return new Section("Evidence and sources", [
            Paragraph.Note(new Text("Every record the tables above cite, by id. Sources carry their reliability on the Admiralty scale " +
                "(A completely reliable … E unreliable, F cannot be judged); claims their credibility (1 confirmed … 6 cannot be judged). " +
                "A claim is what its asserter says, not a finding of this report.")),
            rows.Count == 0
                ? new Paragraph(new Text("Nothing is cited."))
                : new Table(["id", "kind", "what", "date", "sources / reliability"], rows),
        ], Anchor: "evidence");
    }

    private Row Entry(RecordId id)
    {
        var record = records.Find(id);
        var anchor = Words.Anchor("ev", id);
        Cell idCell = new(new Text(id.Value, Strong: true));
        return record switch
        {
            Source s => new Row([idCell, "source: " + Words.Term(s.Kind),
                new Cell(new Text(s.Title + (s.Publisher is { } p ? $" — {p}" : ""))),
                s.Date?.ToString() ?? "", new Cell(new Text($"reliability {s.Reliability}", Strong: true))], anchor),
            Claim c => new Row([idCell, "claim",
                new Cell(new Text($"{records.Name(c.Asserter)} {Words.Term(c.Stance)}: "), new Text(c.Statement),
                    new Text($" (about {c.Subject}; credibility {c.Credibility} — {c.Credibility.Meaning})", Emphasis: true)),
                c.Date?.ToString() ?? "undated", Plain(c.Sources)], anchor),
            Event e => new Row([idCell, "event: " + e.Type,
                new Cell(new Text(e.Title + (e.Summary is { } sum ? $" — {Words.Shorten(sum, 240)}" : ""))),
                e.End is { } end ? $"{e.Start} – {end}" : e.Start.ToString(), Plain(e.Sources)], anchor),
            Document d => new Row([idCell, "document: " + Words.Term(d.Kind), d.Title,
                d.Dates.Earliest?.ToString() ?? "", Plain(d.Sources)], anchor),
            { } other => new Row([idCell, Words.Term(other.Kind), records.Describe(id), "", Plain(other.Sources)], anchor),
            null => new Row([idCell, "unknown", "no record with this id is in the store", "", ""], anchor),
        };
    }

    /// <summary>Source links with grades, for entries written after the citing pass (their sources are cited already).</summary>
    private Cell Plain(IEnumerable<RecordId> sources) => new(Graded(sources.Select(id => (Words.EvidenceLink(id), id))));
}
