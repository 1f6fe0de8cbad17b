using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Json;

/// <summary>
/// The JSON shapes that go beyond one record as stored, shared by <c>pacta … --json</c> and the HTTP API:
/// an obligation carries the document and provision it belongs to and where it stands; a document carries
/// the state of each of its obligations; an issue carries its positions grouped by party.
/// </summary>
public static class Shapes
{
    public static JsonNode Record(IRecord record) =>
        JsonSerializer.SerializeToNode(record, record.GetType(), PactaJson.Options)!;

    public static JsonObject Obligation(Document document, Provision provision, Obligation obligation)
    {
        var node = JsonSerializer.SerializeToNode(obligation, PactaJson.Options)!.AsObject();
        node["document"] = document.Id.Value;
        node["provision"] = provision.EId;
        return node;
    }

    /// <summary>An obligation in its document and provision, with where it stands as of the state's date.</summary>
    public static JsonObject Obligation(Document document, Provision provision, ObligationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var node = Obligation(document, provision, state.Obligation);
        node["state"] = State(state);
        return node;
    }

    /// <summary>An obligation with its state and every assessment of it (those after the state's date too), oldest first.</summary>
    public static JsonObject Obligation(Document document, Provision provision, ObligationState state, IEnumerable<Assessment> assessments)
    {
        var node = Obligation(document, provision, state);
        node["assessments"] = new JsonArray(assessments
            .Where(a => a.Obligation == state.Obligation.Id)
            .OrderBy(a => a.AsOf).ThenBy(a => a.Id)
            .Select(Record).ToArray());
        return node;
    }

    /// <summary>A document whose every obligation carries its state as of <paramref name="asOf"/>.</summary>
    public static JsonObject Document(Document document, IEnumerable<Assessment> assessments, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(document);
        var all = assessments.ToList();
        var node = Record(document).AsObject();
        var provisions = node["provisions"]!.AsArray();
        for (var p = 0; p < document.Provisions.Count; p++)
        {
            var obligations = provisions[p]!["obligations"]!.AsArray();
            for (var o = 0; o < document.Provisions[p].Obligations.Count; o++)
                obligations[o]!["state"] = State(ObligationState.Of(document.Provisions[p].Obligations[o], all, asOf));
        }
        return node;
    }

    /// <summary>Where an obligation stands: status, whether overdue, as of when, and every view that counts.</summary>
    public static JsonObject State(ObligationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new JsonObject
        {
            ["status"] = state.Status,
            ["overdue"] = state.Overdue,
            ["asOf"] = state.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["views"] = new JsonArray(state.Views.Select(v => Record(v)).ToArray()),
        };
    }

    /// <summary>An issue with, besides its positions as stored, each party's positions oldest first.</summary>
    public static JsonObject Issue(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var node = Record(issue).AsObject();
        node["positionsByActor"] = new JsonArray(issue.PositionsByActor().Select(group => (JsonNode)new JsonObject
        {
            ["actor"] = group.Key.Value,
            ["positions"] = JsonSerializer.SerializeToNode(group.ToList(), PactaJson.Options),
        }).ToArray());
        return node;
    }

    public static string Write(JsonNode node) => node.ToJsonString(PactaJson.Indented);
}
