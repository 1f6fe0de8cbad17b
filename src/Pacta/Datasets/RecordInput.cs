using System.Text.Json.Nodes;
using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Datasets;

/// <summary>One problem of a record sent on its own (an API body, a form), at its JSON path (<c>$.roles[0].title</c>).</summary>
public sealed record InputProblem(string Path, string Message);

/// <summary>
/// Reads one record sent on its own, in the JSON form of the data format, with the checks a dataset file gets that
/// concern a record alone: every value through the model's constructors (the first failure, at its path), unknown
/// keys, and linkage cycles inside a document. References to other records are the store's to check.
/// </summary>
public static class RecordInput
{
    /// <summary>The record type of each kind that is a record of its own (obligations live inside documents).</summary>
    public static Type TypeOf(RecordKind kind) => kind switch
    {
        RecordKind.Actor => typeof(Actor),
        RecordKind.Source => typeof(Source),
        RecordKind.Place => typeof(Place),
        RecordKind.Document => typeof(Document),
        RecordKind.Assessment => typeof(Assessment),
        RecordKind.Event => typeof(Event),
        RecordKind.Topic => typeof(Topic),
        RecordKind.Claim => typeof(Claim),
        RecordKind.Issue => typeof(Issue),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "obligations are written inside their document"),
    };

    /// <summary>Reads <paramref name="node"/> as a record of <paramref name="kind"/>; null and the problems when it is not one.</summary>
    public static IRecord? Read(JsonNode? node, RecordKind kind, out IReadOnlyList<InputProblem> problems)
    {
        if (node is not JsonObject)
        {
            problems = [new InputProblem("$", "a record must be a JSON object of keys to values")];
            return null;
        }
        var record = JsonProblems.TryRead(node, TypeOf(kind), out var path, out var message) as IRecord;
        if (record is null)
        {
            problems = [new InputProblem("$" + path, message)];
            return null;
        }
        if (Reserved(record) is { } reserved)
        {
            problems = [new InputProblem(reserved, Restriction.ReservedIdMessage)];
            return null;
        }
        problems = record is Document document ? Cycles(document) : [];
        return problems.Count == 0 ? record : null;
    }

    /// <summary>Where the record (or one of its obligations) takes the placeholder's id; null when nowhere.</summary>
    private static string? Reserved(IRecord record)
    {
        if (record.Id == Restriction.Placeholder) return "$.id";
        if (record is not Document document) return null;
        foreach (var (provision, p) in document.Provisions.Select((p, i) => (p, i)))
        {
            foreach (var (obligation, o) in provision.Obligations.Select((o, i) => (o, i)))
            {
                if (obligation.Id == Restriction.Placeholder) return $"$.provisions[{p}].obligations[{o}].id";
            }
        }
        return null;
    }

    private static List<InputProblem> Cycles(Document document)
    {
        var where = new Dictionary<RecordId, string>();
        foreach (var (provision, p) in document.Provisions.Select((p, i) => (p, i)))
        {
            foreach (var (obligation, o) in provision.Obligations.Select((o, i) => (o, i)))
                where.TryAdd(obligation.Id, $"$.provisions[{p}].obligations[{o}]");
        }
        return Linkages.Cycles(document.Obligations)
            .Select(cycle => new InputProblem($"{where[cycle[0]]}.linkage",
                $"conditional linkage forms a cycle: {string.Join(" → ", cycle.Append(cycle[0]))}; no obligation in it could ever become due"))
            .ToList();
    }
}
