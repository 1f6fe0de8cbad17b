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
/// The real server in memory over a store of the bundled case with five users (two contributors, a viewer, a reviewer,
/// an admin) and a token each; the store file is the test class's own, so tests that write do not disturb other classes.
/// </summary>
public class WritesHost : WebApplicationFactory<server::Program>
{
    public const string Password = "a-long-shared-password";

    private static readonly ChangeContext Setup = new("tests", "pacta tests");

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));
    private readonly Backend backend;
    private readonly TempStore? database;

    public WritesHost()
        : this(Backend.Sqlite)
    {
    }

    /// <summary>
    /// A host over a store of the given backend. Without a PostgreSQL server (and not in CI, where that fails) the host
    /// is made empty and says why (<see cref="Unavailable"/>): each test then skips, saying so.
    /// </summary>
    protected WritesHost(Backend backend)
    {
        this.backend = backend;
        Directory.CreateDirectory(folder);
        if (backend == Backend.Postgres)
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.Variable)) && Environment.GetEnvironmentVariable("CI") != "true")
            {
                Unavailable = $"The PostgreSQL case of this test did not run: {PostgresServer.Variable} is not set: run `eval \"$(tests/postgres.sh start)\"` first.";
                ContributorToken = ViewerToken = OtherContributorToken = ReviewerToken = AdminToken = "";
                return;
            }
            database = new TempStore(Backend.Postgres);
        }
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        using var store = Stores.Open(DatabasePath, Clock);
        store.Write(dataset.Records, Setup);
        store.AddUser("cora", Role.Contributor, Password, Setup);
        store.AddUser("vic", Role.Viewer, Password, Setup);
        store.AddUser("cole", Role.Contributor, Password, Setup);
        store.AddUser("rita", Role.Reviewer, Password, Setup);
        store.AddUser("ada", Role.Admin, Password, Setup);
        ContributorToken = store.AddToken("cora", null, Setup).Secret;
        ViewerToken = store.AddToken("vic", null, Setup).Secret;
        OtherContributorToken = store.AddToken("cole", null, Setup).Secret;
        ReviewerToken = store.AddToken("rita", null, Setup).Secret;
        AdminToken = store.AddToken("ada", null, Setup).Secret;
    }

    /// <summary>Why this host has no store (no PostgreSQL server outside CI); null when it has one.</summary>
    public string? Unavailable { get; }

    internal FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Where the store is: the SQLite file's path, or the PostgreSQL database's connection string.</summary>
    public string DatabasePath => database?.Location ?? Path.Combine(folder, "writes.db");

    /// <summary>The store the server itself uses, of either backend.</summary>
    public IStore Records => Services.GetRequiredService<IStore>();

    public string ContributorToken { get; }

    public string ViewerToken { get; }

    /// <summary>cole's: a contributor other than cora.</summary>
    public string OtherContributorToken { get; }

    /// <summary>rita's: a reviewer.</summary>
    public string ReviewerToken { get; }

    /// <summary>ada's: an admin.</summary>
    public string AdminToken { get; }

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

    /// <summary>The number of the draft a 202 answer names in its Location (<c>/api/v1/drafts/{n}</c>).</summary>
    public static long DraftNumber(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"no Location in a {(int)response.StatusCode} answer");
        Assert.StartsWith("/api/v1/drafts/", location, StringComparison.Ordinal);
        return long.Parse(location["/api/v1/drafts/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Publishes a draft, as rita (a reviewer) unless another token is given.</summary>
    public Task<HttpResponseMessage> Publish(HttpClient client, long number, string? token = null) =>
        Send(client, HttpMethod.Post, $"/api/v1/drafts/{number}/publish", token ?? ReviewerToken);

    /// <summary>
    /// A contribution as cora (POST or PUT) that must be kept as a draft (202), then published by rita: the publication's answer.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAndPublish(HttpClient client, HttpMethod method, string url, JsonNode body, string? ifMatch = null)
    {
        using var submitted = await Send(client, method, url, ContributorToken, body, ifMatch);
        Assert.True(submitted.StatusCode == System.Net.HttpStatusCode.Accepted,
            $"expected 202, got {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await Publish(client, DraftNumber(submitted));
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", DatabasePath);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (backend == Backend.Sqlite) services.AddSingleton(_ => SqliteStore.Open(DatabasePath, Clock));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        database?.Dispose();
    }
}

/// <summary>The same host over a PostgreSQL database (PACTA_TEST_POSTGRES), for the write tests that must hold on both backends.</summary>
public sealed class PostgresWritesHost : WritesHost
{
    public PostgresWritesHost()
        : base(Backend.Postgres)
    {
    }
}
