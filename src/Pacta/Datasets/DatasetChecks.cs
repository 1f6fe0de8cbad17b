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
        problems.AddRange(SelfAssessments(records));
        return problems;
    }

    /// <summary>"A is owed once B is met, B once A is met": no one can ever be first, so the data must be wrong.</summary>
    private static IEnumerable<Problem> LinkageCycles(IReadOnlyList<LocatedRecord> records)
    {
        var edges = new Dictionary<RecordId, List<RecordId>>();
        var where = new Dictionary<RecordId, (LocatedRecord Record, string Path)>();
        foreach (var located in records)
        {
            if (located.Record is not Document document) continue;
            foreach (var (provision, p) in document.Provisions.Select((p, i) => (p, i)))
            {
                foreach (var (obligation, o) in provision.Obligations.Select((o, i) => (o, i)))
                {
                    var conditions = obligation.Linkage.Select((l, i) => (l, i)).Where(x => x.l.Type == LinkageType.ConditionalOn).ToList();
                    edges[obligation.Id] = conditions.Select(x => x.l.Obligation).ToList();
                    where[obligation.Id] = (located, $"provisions[{p}].obligations[{o}].linkage");
                }
            }
        }

        var state = new Dictionary<RecordId, int>(); // 1 = on the current path, 2 = done
        var reported = new HashSet<RecordId>();
        var stack = new List<RecordId>();

        IEnumerable<Problem> Visit(RecordId id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var next in edges.GetValueOrDefault(id) ?? [])
            {
                if (!edges.ContainsKey(next)) continue;
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).Append(next).ToList();
                    if (cycle.Any(reported.Add))
                    {
                        var (record, path) = where[id];
                        yield return record.ProblemAt(path, $"conditional linkage forms a cycle: {string.Join(" → ", cycle)}; no obligation in it could ever become due");
                    }
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    foreach (var problem in Visit(next)) yield return problem;
                }
            }
            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in edges.Keys.ToList())
        {
            if (state.GetValueOrDefault(id) == 0)
            {
                foreach (var problem in Visit(id)) yield return problem;
            }
        }
    }

    /// <summary>An assessment by a bearer of the obligation is allowed, but a reader must see that it is one.</summary>
    private static IEnumerable<Problem> SelfAssessments(IReadOnlyList<LocatedRecord> records)
    {
        var bearers = records.Select(r => r.Record).OfType<Document>().SelectMany(d => d.Obligations).ToDictionary(o => o.Id, o => o.Bearers);
        foreach (var located in records)
        {
            if (located.Record is Assessment assessment
                && bearers.TryGetValue(assessment.Obligation, out var owedBy)
                && owedBy.Contains(assessment.Assessor))
            {
                yield return located.ProblemAt("assessor", $"self-assessment: '{assessment.Assessor}' bears the obligation it assesses", Severity.Warning);
            }
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
