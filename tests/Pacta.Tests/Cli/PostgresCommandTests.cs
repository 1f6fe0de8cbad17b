using Pacta.Server;
using Pacta.Tests.Store;

namespace Pacta.Tests.Cli;

/// <summary>
/// The command and the server on a PostgreSQL store (<c>--db "Host=…"</c>), side by side with the same commands on a
/// SQLite file: both stores must give the same answers, byte for byte, to the same commands and requests.
/// </summary>
public sealed class PostgresCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TempStore postgres = new(Backend.Postgres);

    public void Dispose()
    {
        postgres.Dispose();
        folder.Dispose();
    }

    private static Pacta.Result Ok(params string[] args)
    {
        var result = Pacta.Run(args);
        Assert.True(result.ExitCode == 0, $"pacta {string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
        return result;
    }

    [Fact]
    public async Task Init_import_list_show_export_and_the_api_answer_the_same_on_PostgreSQL_as_on_SQLite()
    {
        var sqlite = folder["store.db"];
        var pg = postgres.Location;
        var acled = folder["acled.csv"];
        var ucdp = folder["ucdp.csv"];
        Ok("generate", "events", "--rows", "400", "--seed", "12", "--format", "acled", "--out", acled);
        Ok("generate", "events", "--rows", "200", "--seed", "13", "--format", "ucdp", "--out", ucdp);

        foreach (var db in new[] { sqlite, pg })
        {
            Ok("init", "--db", db, "--sample");
            Ok("import", "acled", acled, "--db", db);
            Ok("import", "ucdp", ucdp, "--db", db, "--match-days", "3", "--match-km", "25");
        }
        // The output names the database without its password, never the connection string itself.
        Assert.Contains("already", Pacta.Run("init", "--db", pg).Error, StringComparison.Ordinal);

        string[][] commands = [["list", "events", "--json"], ["list", "places", "--json"], ["list", "actors"], ["show", "trilateral-statement-2020-11-10", "--json"]];
        foreach (var command in commands)
            Assert.Equal(Ok([.. command, "--db", sqlite]).Out, Ok([.. command, "--db", pg]).Out);
        var linked = Ok("list", "events", "--json", "--db", pg).Out;
        Assert.Contains("\"ucdp\"", linked, StringComparison.Ordinal);

        // Importing the same file again changes nothing.
        var before = postgres.Fingerprint();
        Ok("import", "acled", acled, "--db", pg);
        Assert.Equal(Ok("list", "events", "--json", "--db", sqlite).Out, Ok("list", "events", "--json", "--db", pg).Out);
        Assert.Equal(
            Ok("history", "trilateral-statement-2020-11-10", "--db", sqlite).Out.Split('\n').Length,
            Ok("history", "trilateral-statement-2020-11-10", "--db", pg).Out.Split('\n').Length);

        Ok("export", "pacta", folder["from-sqlite"], "--db", sqlite);
        Ok("export", "pacta", folder["from-postgres"], "--db", pg);
        var files = Directory.GetFiles(folder["from-sqlite"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder["from-sqlite"], f)).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(folder["from-postgres"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder["from-postgres"], f)).Order());
        Assert.All(files, f => Assert.Equal(Pacta.Hash(Path.Combine(folder["from-sqlite"], f)), Pacta.Hash(Path.Combine(folder["from-postgres"], f))));

        // The server, as `pacta serve --db` starts it, over HTTP on a loopback port.
        string[] requests =
        [
            "/api/v1/events?limit=50",
            "/api/v1/events?from=2020-01-01&to=2022-12-31&bbox=45,39,47.5,41&limit=20",
            "/api/v1/events?type=acled:Battles&limit=1000",
            "/api/v1/events/aggregate?by=month",
            "/api/v1/places?q=shusha",
            "/api/v1/events?cursor=not-a-cursor",
        ];
        var answers = new Dictionary<string, List<string>>();
        foreach (var db in new[] { sqlite, pg })
        {
            var app = PactaApp.Create(new ServerOptions(db, "http://127.0.0.1:0"));
            await app.StartAsync(TestContext.Current.CancellationToken);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
                var bodies = new List<string>();
                foreach (var request in requests)
                {
                    using var response = await client.GetAsync(new Uri(request, UriKind.Relative), TestContext.Current.CancellationToken);
                    var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    // A problem's trace id differs from one request to the next, whatever the store.
                    bodies.Add($"{(int)response.StatusCode} {System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"…\"")}");
                }
                answers[db] = bodies;
            }
            finally
            {
                await app.StopAsync(TestContext.Current.CancellationToken);
                await app.DisposeAsync();
            }
        }
        Assert.StartsWith("200 ", answers[pg][0], StringComparison.Ordinal);
        Assert.Contains("\"nextCursor\"", answers[pg][0], StringComparison.Ordinal);
        Assert.StartsWith("400 ", answers[pg][^1], StringComparison.Ordinal);
        Assert.Equal(answers[sqlite], answers[pg]);
    }

    [Fact]
    public void A_connection_string_to_nowhere_fails_with_a_message_and_no_stack_trace()
    {
        var result = Pacta.Run("list", "events", "--db", "Host=127.0.0.1;Port=1;Database=none;Username=nobody;Password=secret-word;Timeout=2");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
