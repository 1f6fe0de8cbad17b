using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacta.Tests.Server.Api;

/// <summary>
/// The OpenAPI document is the API's contract: it is checked in, and any change to the public surface shows
/// as a diff of openapi.approved.json.
/// </summary>
public sealed class OpenApiApprovalTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_openapi_document_matches_the_approved_copy()
    {
        var received = Normalise(await host.Get("/openapi/v1.json"));
        var folder = SourceFolder();
        var approvedPath = Path.Combine(folder, "openapi.approved.json");
        var receivedPath = Path.Combine(folder, "openapi.received.json");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }
        await File.WriteAllTextAsync(receivedPath, received, TestContext.Current.CancellationToken);
        Assert.Fail(
            $"The OpenAPI document differs from {approvedPath}. If the change to the public API is intended, approve it:\n" +
            $"  cp {receivedPath} {approvedPath}");
    }

    [Fact]
    public async Task The_openapi_document_is_version_3_1_and_lists_every_api_route()
    {
        var document = await host.Get("/openapi/v1.json");
        Assert.StartsWith("3.1", (string?)document["openapi"], StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        string[] expected =
        [
            "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/obligations", "/api/v1/obligations/{id}", "/api/v1/obligations/{id}/assessments",
            "/api/v1/compliance", "/api/v1/compliance/timeline",
            "/api/v1/events", "/api/v1/events/{id}", "/api/v1/events/aggregate", "/api/v1/meetings",
            "/api/v1/claims", "/api/v1/claims/contested", "/api/v1/issues", "/api/v1/issues/{id}",
            "/api/v1/places", "/api/v1/places/{id}", "/api/v1/sources", "/api/v1/sources/{id}", "/api/v1/actors", "/api/v1/actors/{id}",
            "/api/v1/me", "/api/v1/users",
            "/api/v1/claims/{id}", "/api/v1/meetings/{id}", "/api/v1/assessments", "/api/v1/assessments/{id}", "/api/v1/topics", "/api/v1/topics/{id}",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.All(document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()), operation =>
        {
            Assert.NotNull(operation.Value!["operationId"]);
            Assert.NotNull(operation.Value["summary"]);
        });
    }

    private static string Normalise(JsonNode document) => document.ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
