extern alias server;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Datasets;
using Pacta.Store;
using Pacta.Store.Accounts;
using Pacta.Tests.Store;

namespace Pacta.Tests.Server.Writes;

/// <summary>
/// The real server in memory over a store of the bundled case with three users (a contributor, a viewer, an admin)
/// and a token each; the store file is the test class's own, so tests that write do not disturb other classes.
/// </summary>
public sealed class WritesHost : WebApplicationFactory<server::Program>
{
    public const string Password = "a-long-shared-password";

    private static readonly ChangeContext Setup = new("tests", "pacta tests");

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));

    public WritesHost()
    {
        Directory.CreateDirectory(folder);
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        using var store = SqliteStore.Open(DatabasePath, Clock);
        store.Write(dataset.Records, Setup);
        store.AddUser("cora", Role.Contributor, Password, Setup);
        store.AddUser("vic", Role.Viewer, Password, Setup);
        ContributorToken = store.AddToken("cora", null, Setup).Secret;
        ViewerToken = store.AddToken("vic", null, Setup).Secret;
    }

    internal FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(folder, "writes.db");

    public string ContributorToken { get; }

    public string ViewerToken { get; }

    /// <summary>The store the server uses (the same object).</summary>
    public SqliteStore Store => Services.GetRequiredService<SqliteStore>();

    public static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string? token = null, JsonNode? body = null,
        string? ifMatch = null, string? rawBody = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null || rawBody is not null)
            request.Content = new StringContent(rawBody ?? body!.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", DatabasePath);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(_ => SqliteStore.Open(DatabasePath, Clock));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
