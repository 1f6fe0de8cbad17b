using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Pacta.Model;

namespace Pacta.Tests.Server.Writes;

/// <summary>SQL metacharacters and markup in every text field proposed through the API and published: stored as sent, shown as text.</summary>
public sealed class HostileTextTests(WritesHost host) : IClassFixture<WritesHost>
{
    private static string Hostile(string field) =>
        field == "unit" ? "u';-- \"<script>alert(1)</script><b>" : $"{field}: x'); DROP TABLE record;-- \"OR 1=1 %_ <script>alert(1)</script><b>";

    [Fact]
    public async Task Hostile_text_in_every_field_is_stored_verbatim_and_rendered_escaped()
    {
        var client = host.CreateClient();
        var actor = new JsonObject
        {
            ["id"] = "hostile-actor", ["kind"] = "ngo", ["name"] = Hostile("name"), ["shortName"] = Hostile("shortName"),
            ["roles"] = new JsonArray(new JsonObject { ["title"] = Hostile("title") }),
            ["sources"] = new JsonArray("pax-2324"), ["note"] = Hostile("actor note"), ["alsoKnownAs"] = new JsonArray(Hostile("alsoKnownAs")),
        };
        var eventBody = new JsonObject
        {
            ["id"] = "hostile-event", ["title"] = Hostile("event title"), ["type"] = "plover:PROTEST", ["start"] = "2024-03-01",
            ["actors"] = new JsonArray(new JsonObject { ["actor"] = "hostile-actor", ["role"] = "initiator" }),
            ["summary"] = Hostile("summary"), ["sources"] = new JsonArray("pax-2324"), ["note"] = Hostile("event note"),
        };
        var claim = new JsonObject
        {
            ["id"] = "hostile-claim", ["subject"] = "hostile-event", ["asserter"] = "hostile-actor", ["stance"] = "asserts",
            ["date"] = "2024-03-02", ["statement"] = Hostile("statement"),
            ["figure"] = new JsonObject { ["value"] = 3, ["qualifier"] = "exact", ["unit"] = Hostile("unit") },
            ["credibility"] = 4, ["sources"] = new JsonArray("pax-2324"), ["note"] = Hostile("claim note"),
        };

        foreach (var (kind, body) in new[] { ("actors", actor), ("events", eventBody), ("claims", claim) })
        {
            using var created = await host.SubmitAndPublish(client, HttpMethod.Post, $"/api/v1/{kind}", body);
            Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            using var read = await WritesHost.Send(client, HttpMethod.Get, $"/api/v1/{kind}/{body["id"]}");
            var stored = (await WritesHost.Json(read)).AsObject();
            foreach (var (key, value) in body) Assert.True(JsonNode.DeepEquals(value, stored[key]), $"{kind}.{key}: sent {value?.ToJsonString()}, stored {stored[key]?.ToJsonString()}");
        }
        Assert.Equal(Hostile("statement"), ((Claim)host.Store.Find(new RecordId("hostile-claim"))!).Statement);

        var page = await client.GetStringAsync(new Uri("/events/hostile-event", UriKind.Relative), TestContext.Current.CancellationToken);
        string[] shown = ["event title", "summary", "event note", "shortName", "statement", "unit", "claim note"];
        foreach (var field in shown) Assert.Contains(HtmlEncoder.Default.Encode(Hostile(field)), page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", page, StringComparison.Ordinal);
        Assert.DoesNotContain("</script><b>", page, StringComparison.Ordinal);
    }
}
