using System.Net;
using Pacta.Server;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;
using PactaCli = Pacta.Tests.Cli.Pacta;

namespace Pacta.Tests.Server;

/// <summary>
/// The pages of records the importers made, served from a store filled by the real commands: an event shows the
/// names each dataset gives its place, attributed to that dataset; a PA-X document shows its peace process.
/// </summary>
public sealed class ImportedRecordPagesTests
{
    private static async Task<(HttpStatusCode Status, string Body)> Get(string db, string path)
    {
        var app = PactaApp.Create(new ServerOptions(db, "http://127.0.0.1:0"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_event_page_shows_each_datasets_names_for_the_place_attributed_to_it()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow().With(("location", "Tartar city"))))).ExitCode);
        Assert.Equal(0, Import(db, "ucdp", Write(folder, "u.csv", Ucdp(UcdpRow().With(("adm_2", "Tartar rayon"))))).ExitCode);

        var (status, body) = await Get(db, "/events/acled-aze100");

        Assert.Equal(HttpStatusCode.OK, status);
        var section = body[body.IndexOf("<dt>Named in the data</dt>", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</dd>", StringComparison.Ordinal)];
        Assert.Contains("“Tartar city, Tartar, Azerbaijan” <span class=\"muted\">— as ACLED writes it, row AZE100</span>", section, StringComparison.Ordinal);
        Assert.Contains("“Tartar town, Tartar rayon, Tartar district, Azerbaijan” <span class=\"muted\">— as UCDP GED writes it, row 500001</span>", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pax_document_page_shows_its_peace_process()
    {
        using var folder = new TempFolder();
        var db = folder["pax.db"];
        Assert.Equal(0, PactaCli.Run("init", "--db", db).ExitCode);
        var import = PactaCli.Run("import", "pax", Imports.PaxFileTests.Fixture, "--db", db, "--process", "Armenia");
        Assert.True(import.ExitCode == 0, import.Error);

        var (status, body) = await Get(db, "/documents/pax-agreement-2455");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dt>Peace process</dt><dd>Armenia-Azerbaijan-Nagorno-Karabakh process (PA-X process 901)</dd>", body, StringComparison.Ordinal);
    }
}
