extern alias server;

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Datasets;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Store;

namespace Pacta.Tests.Server.Api;

/// <summary>
/// The real server on a store of the bundled case, in a temporary folder of its own, shared by one test class.
/// Its clock is fixed so "today" does not move under the tests.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<server::Program>
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));

    public ApiHost()
    {
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, "case.db");
        Case = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        using var store = SqliteStore.Open(DatabasePath);
        store.Write(Case.Records.ToList(), new ChangeContext("test", "pacta test"));
    }

    public string DatabasePath { get; }

    /// <summary>The bundled case as read from its files: what the answers are checked against.</summary>
    public Dataset Case { get; }

    public IEnumerable<T> Records<T>() where T : IRecord => Case.Records.OfType<T>();

    public async Task<JsonNode> Get(string url)
    {
        using var response = await CreateClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    /// <summary>The problem details a request gets, after checking its status and media type.</summary>
    public async Task<JsonObject> Problem(string url, HttpStatusCode status)
    {
        using var response = await CreateClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> name <paramref name="parameter"/>.</summary>
    public async Task BadParameter(string url, string parameter)
    {
        var problem = await Problem(url, HttpStatusCode.BadRequest);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(parameter), $"{url}: expected an error for '{parameter}', got {problem.ToJsonString()}");
        Assert.NotEmpty(errors[parameter]!.AsArray());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", DatabasePath);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(
            new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Ids of a JSON array of records, in order.</summary>
internal static class Ids
{
    public static List<string> Of(JsonNode? array) => array!.AsArray().Select(n => (string)n!["id"]!).ToList();
}
