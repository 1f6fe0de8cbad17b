using Microsoft.AspNetCore.Builder;
using Pacta.Datasets;
using Pacta.Model;
using Pacta.Server;
using Pacta.Store;

namespace Pacta.Tests.Server;

/// <summary>
/// The real web app on a free loopback port, over a temporary store holding the bundled case plus one claim
/// whose statement is markup: every page must show it as text.
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    public const string HostileClaimId = "claim-hostile-markup";
    public const string HostileStatement = "<script>alert(1)</script> and <img src=x onerror=alert(2)> are text here.";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The store's file, for a test that adds what the bundled case does not have (a user).</summary>
    public string DatabasePath { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var path = DatabasePath = Path.Combine(folder, "store.db");
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        var hostile = new Claim(new RecordId(HostileClaimId), new RecordId("mine-map-accuracy"), new RecordId("armenia"), Stance.Disputes,
            PartialDate.Day(2024, 1, 1), HostileStatement, null, new Credibility(6), [new RecordId("policy-paper-2023")]);
        using (var store = SqliteStore.Open(path))
            store.Write([.. dataset.Records, hostile], new ChangeContext("tests", "browser tests"));

        app = PactaApp.Create(new ServerOptions(path, "http://127.0.0.1:0"));
        await app.StartAsync();
        Address = new Uri(app.Urls.Single());
        Client = new HttpClient { BaseAddress = Address };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Directory.Delete(folder, recursive: true);
    }
}
