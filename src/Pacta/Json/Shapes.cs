using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Model;

namespace Pacta.Json;

/// <summary>
/// The JSON shapes that go beyond one record as stored, shared by <c>pacta … --json</c> and the HTTP API:
/// an obligation carries the document and provision it belongs to.
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

    public static string Write(JsonNode node) => node.ToJsonString(PactaJson.Indented);
}
