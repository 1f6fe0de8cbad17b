using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Datasets;

/// <summary>Checks that need the whole dataset: unique ids, references that resolve to the right kind, linkage without cycles.</summary>
internal static class DatasetChecks
{
    public static IEnumerable<Problem> Run(IReadOnlyList<LocatedRecord> records, Func<RecordId, RecordKind?>? known, bool reportDangling = true)
    {
        var problems = new List<Problem>();
        var ids = new Dictionary<RecordId, (RecordKind Kind, LocatedRecord Where, string Path)>();

        void Declare(RecordId id, RecordKind kind, LocatedRecord where, string path)
        {
            if (id == Restriction.Placeholder)
            {
                problems.Add(where.ProblemAt(path, Restriction.ReservedIdMessage));
                return;
            }
            if (ids.TryGetValue(id, out var first))
            {
                var at = first.Where.ProblemAt(first.Path, "");
                problems.Add(where.ProblemAt(path, $"duplicate id '{id}': already used by {Article(first.Kind)} {Term(first.Kind)} at {at.File}:{at.Line}:{at.Column}"));
                return;
            }
            ids[id] = (kind, where, path);
        }

        foreach (var located in records)
        {
            Declare(located.Record.Id, located.Record.Kind, located, "id");
            if (located.Record is Document document)
            {
                foreach (var (provision, p) in document.Provisions.Select((p, i) => (p, i)))
                {
                    foreach (var (obligation, o) in provision.Obligations.Select((o, i) => (o, i)))
                        Declare(obligation.Id, RecordKind.Obligation, located, $"provisions[{p}].obligations[{o}].id");
                }
            }
        }

        RecordKind? KindOf(RecordId id) => ids.TryGetValue(id, out var entry) ? entry.Kind : known?.Invoke(id);

        foreach (var located in records)
        {
            foreach (var reference in located.Record.References())
            {
                var kind = KindOf(reference.Target);
                if (kind is null && reportDangling)
                    problems.Add(located.ProblemAt(reference.Path, $"'{reference.Target}' names no record: expected {Expected(reference.Expected)}"));
                else if (kind is not null && !reference.Expected.Contains(kind.Value))
                    problems.Add(located.ProblemAt(reference.Path, $"'{reference.Target}' is {Article(kind.Value)} {Term(kind.Value)}, but {Expected(reference.Expected)} is expected here"));
            }
        }

        problems.AddRange(LinkageCycles(records));
        problems.AddRange(AssessmentDates(records));
        return problems;
    }

    /// <summary>
    /// "A is owed once B is met, B once A is met": no one can ever be first, so the data must be wrong. Each cycle
    /// that <see cref="Linkages.Cycles"/> finds is reported once, at the link that leaves its first obligation.
    /// </summary>
    private static IEnumerable<Problem> LinkageCycles(IReadOnlyList<LocatedRecord> records)
    {
        var where = new Dictionary<RecordId, (LocatedRecord Record, string Path, Obligation Obligation)>();
        foreach (var located in records)
        {
            if (located.Record is not Document document) continue;
            foreach (var (provision, p) in document.Provisions.Select((p, i) => (p, i)))
            {
                foreach (var (obligation, o) in provision.Obligations.Select((o, i) => (o, i)))
                    where.TryAdd(obligation.Id, (located, $"provisions[{p}].obligations[{o}]", obligation));
            }
        }

        foreach (var cycle in Linkages.Cycles(where.Values.Select(w => w.Obligation)))
        {
            var (record, path, first) = where[cycle[0]];
            var next = cycle.Count > 1 ? cycle[1] : cycle[0];
            var link = first.Linkage.Select((l, i) => (l, i)).First(x => x.l.Type == LinkageType.ConditionalOn && x.l.Obligation == next).i;
            yield return record.ProblemAt($"{path}.linkage[{link}]",
                $"conditional linkage forms a cycle: {string.Join(" → ", cycle.Append(cycle[0]))}; no obligation in it could ever become due");
        }
    }

    /// <summary>
    /// Rules of <see cref="AssessmentRules"/>: an assessment dated before its obligation's document existed is an
    /// error; one by a bearer of the obligation is allowed, but a reader must see that it is a self-assessment.
    /// </summary>
    private static IEnumerable<Problem> AssessmentDates(IReadOnlyList<LocatedRecord> records)
    {
        var holders = new Dictionary<RecordId, (Document Document, Obligation Obligation)>();
        foreach (var document in records.Select(r => r.Record).OfType<Document>())
        {
            foreach (var obligation in document.Obligations) holders.TryAdd(obligation.Id, (document, obligation));
        }
        foreach (var located in records)
        {
            if (located.Record is not Assessment assessment || !holders.TryGetValue(assessment.Obligation, out var holder)) continue;
            if (AssessmentRules.BeforeDocument(assessment, holder.Document) is { } early)
                yield return located.ProblemAt("asOf", early);
            if (AssessmentRules.IsSelfAssessment(assessment, holder.Obligation))
                yield return located.ProblemAt("assessor", AssessmentRules.SelfAssessmentWarning(assessment), Severity.Warning);
        }
    }

    private static string Expected(IReadOnlyList<RecordKind> kinds) =>
        kinds.Count > 4 ? "any record but a source" : string.Join(" or ", kinds.Select(k => $"{Article(k)} {Term(k)}"));

    private static string Article(RecordKind kind) => Term(kind)[0] is 'a' or 'e' or 'i' or 'o' ? "an" : "a";

    internal static string Term(RecordKind kind) => kind switch
    {
        RecordKind.Actor => "actor",
        RecordKind.Source => "source",
        RecordKind.Place => "place",
        RecordKind.Document => "document",
        RecordKind.Obligation => "obligation",
        RecordKind.Assessment => "assessment",
        RecordKind.Event => "event",
        RecordKind.Topic => "topic",
        RecordKind.Claim => "claim",
        RecordKind.Issue => "issue",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
