extern alias server;

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Model;
using Pacta.Store.Accounts;
using Pacta.Tests.Server.Accounts;
using server::Pacta.Server.Api;

namespace Pacta.Tests.Restrictions;

/// <summary>
/// The walk: every GET route the server maps (read from its endpoints, so that a new route is walked without a change
/// here), for every role, with route parameters filled with the ids of restricted records. Restricted data (markers,
/// ids, the restricted field's value) appears in what a role gets exactly when the role holds read-restricted: never
/// for anonymous readers, viewers and contributors, and all of it, somewhere, for reviewers and admins.
/// </summary>
public sealed class RestrictedWalkTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pacta-walk-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class Host(string path) : WebApplicationFactory<server::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("db", path);
    }

    [Fact]
    public async Task Every_GET_route_shows_restricted_data_to_exactly_the_roles_that_hold_the_permission()
    {
        var path = Path.Combine(folder, "walk.db");
        var records = RestrictedCase.Seed(path);
        await using var host = new Host(path);
        var urls = Urls(host, records, out var unfilled);
        Assert.Empty(unfilled);
        Assert.Contains("/api/v1/events/{id}", urls.Keys);
        Assert.Contains("/events/{id}", urls.Keys);

        var ct = TestContext.Current.CancellationToken;
        var roles = new List<(string Name, Role? Role)> { ("anonymous", null) };
        roles.AddRange(RestrictedCase.Users.Select(u => (u.Name, (Role?)u.Role)));
        foreach (var (name, role) in roles)
        {
            using var pages = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using var api = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            string? token = null;
            if (role is not null)
            {
                var signedIn = await AccountsHost.SignIn(pages, name, RestrictedCase.Password, await AccountsHost.FormToken(pages));
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                using var scope = host.Services.CreateScope();
                token = scope.ServiceProvider.GetRequiredService<Pacta.Store.IStore>().AddToken(name, null, new("tests", "walk")).Secret;
            }
            // As docs/accounts.md says, not as the code's table says: the test checks the table too.
            var mayRead = role is Role.Reviewer or Role.Admin;
            var seen = new StringBuilder();
            var requests = 0;
            foreach (var url in urls.Values.SelectMany(u => u).Distinct())
            {
                var forScripts = url.StartsWith("/api", StringComparison.Ordinal) || url.StartsWith("/openapi", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (forScripts && token is not null) request.Headers.Authorization = new("Bearer", token);
                using var response = await (forScripts ? api : pages).SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                requests++;
                Assert.True((int)response.StatusCode < 500, $"{name}: GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
                // A missing record's page may repeat the id it was asked for: that is the request's, not the store's.
                var shown = RestrictedCase.WalkedIds.Aggregate(body, (text, id) => url.Contains(id, StringComparison.Ordinal) ? text.Replace(id, "", StringComparison.Ordinal) : text);
                if (!mayRead)
                {
                    foreach (var secret in RestrictedCase.Secrets)
                        Assert.False(shown.Contains(secret, StringComparison.Ordinal), $"{name}: GET {url} shows '{secret}'");
                }
                seen.Append(shown).Append('\n');
            }
            Assert.True(requests > 200, $"{name}: only {requests} requests");
            if (mayRead)
            {
                var all = seen.ToString();
                foreach (var secret in RestrictedCase.Secrets.Where(s => !RestrictedCase.WalkedIds.Contains(s)))
                    Assert.True(all.Contains(secret, StringComparison.Ordinal), $"{name} holds read-restricted but no route showed '{secret}'");
            }
        }
    }

    [Fact]
    public async Task A_contributor_who_writes_a_marking_gets_a_403_and_nothing_is_written_while_a_reviewer_may()
    {
        var path = Path.Combine(folder, "marks.db");
        var records = RestrictedCase.Seed(path);
        await using var host = new Host(path);
        using var api = host.CreateClient();
        string Token(string user)
        {
            using var scope = host.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<Pacta.Store.IStore>().AddToken(user, null, new("tests", "marks")).Secret;
        }
        var source = records["hidden-topic"].Sources[0].Value;
        var topic = System.Text.Json.Nodes.JsonNode.Parse($$"""{"id": "marked-topic", "title": "A topic", "sources": ["{{source}}"], "restricted": true}""");

        var refused = await WritesHostSend(api, HttpMethod.Post, "/api/v1/topics", Token("cora"), topic);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("mark-restricted", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using (var scope = host.Services.CreateScope())
            Assert.Null(scope.ServiceProvider.GetRequiredService<Pacta.Store.IStore>().Find(new RecordId("marked-topic")));

        // A reviewer's contribution is a draft like anyone's, published by someone else (an admin here).
        var accepted = await WritesHostSend(api, HttpMethod.Post, "/api/v1/topics", Token("rex"), topic);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var published = await WritesHostSend(api, HttpMethod.Post, $"/api/v1/drafts/{Pacta.Tests.Server.Writes.WritesHost.DraftNumber(accepted)}/publish", Token("ada"));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using (var scope = host.Services.CreateScope())
            Assert.True(scope.ServiceProvider.GetRequiredService<Pacta.Store.IStore>().Find(new RecordId("marked-topic"))?.Restricted);
        Assert.Equal(HttpStatusCode.NotFound, (await WritesHostSend(api, HttpMethod.Get, "/api/v1/topics/marked-topic", Token("cora"))).StatusCode);
    }

    private static Task<HttpResponseMessage> WritesHostSend(HttpClient client, HttpMethod method, string url, string token, System.Text.Json.Nodes.JsonNode? body = null) =>
        Pacta.Tests.Server.Writes.WritesHost.Send(client, method, url, token, body);

    /// <summary>
    /// Every GET route of the app with its parameters filled, by route pattern. A parameter this walk does not know how
    /// to fill is listed in <paramref name="unfilled"/>, so that a new kind of route fails the test until the walk learns it.
    /// </summary>
    private static Dictionary<string, List<string>> Urls(WebApplicationFactory<server::Program> host, Dictionary<string, IRecord> records, out List<string> unfilled)
    {
        var sources = host.Services.GetRequiredService<EndpointDataSource>();
        var urls = new Dictionary<string, List<string>>();
        unfilled = [];
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("GET")) continue;
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var filled = new List<string> { pattern };
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                string[] values = parameter.Name switch
                {
                    "id" => [.. RestrictedCase.WalkedIds, .. parameter.IsOptional ? new[] { "" } : []],
                    "kind" => [.. WritableKind.All.Select(k => k.Segment)],
                    "name" => [.. LayersApi.Layers.Select(l => l.Name)],
                    "code" => ["404"],
                    "documentName" => ["v1"],
                    "number" => [.. RestrictedCase.DraftNumbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    _ => [],
                };
                if (values.Length == 0) unfilled.Add($"{pattern}: {{{parameter.Name}}}");
                var token = new System.Text.RegularExpressions.Regex("\\{\\*?" + parameter.Name + "[^}]*\\}");
                filled = [.. filled.SelectMany(url => values.Select(v => token.Replace(url, v).Replace("//", "/", StringComparison.Ordinal).TrimEnd('/')))];
            }
            // The edit page of a record: only under its own kind (another kind's page says "no such record" in any case).
            if (pattern.Contains("{kind}", StringComparison.Ordinal))
                filled = [.. filled.Where(url => records.Values.Any(r => url == $"/edit/{WritableKind.Of(r).Segment}/{r.Id}") || !RestrictedCase.WalkedIds.Any(url.EndsWith))];
            filled = [.. filled.Select(u => u.Length == 0 ? "/" : u), .. Queries(pattern, records)];
            urls[pattern] = filled;
        }
        // The interactive docs are served by middleware, not by an endpoint.
        urls["/api/docs"] = ["/api/docs/index.html"];
        return urls;
    }

    /// <summary>Query strings that make a listing route show what the walk looks for.</summary>
    private static IEnumerable<string> Queries(string pattern, Dictionary<string, IRecord> records)
    {
        var hiddenEvent = (Event)records["hidden-event"];
        var year = hiddenEvent.Start.First.Year;
        var span = $"from={year}-01-01&to={year}-12-31";
        return pattern switch
        {
            "/api/v1/events" => [$"{pattern}?{span}&limit=1000", $"{pattern}?actor=hidden-actor", $"{pattern}?{span}&bbox=40,35,55,45"],
            "/api/v1/events/aggregate" => [$"{pattern}?by=day&{span}"],
            "/api/v1/meetings" => [$"{pattern}?limit=1000"],
            "/api/v1/obligations" => [$"{pattern}?document=hidden-document", $"{pattern}?bearer=hidden-actor"],
            "/api/v1/compliance" => [$"{pattern}?document=hidden-document", $"{pattern}?party=hidden-actor"],
            "/api/v1/compliance/timeline" => [$"{pattern}?document=hidden-document"],
            "/api/v1/claims" => [$"{pattern}?subject={((Claim)records["hidden-claim"]).Subject}"],
            "/api/v1/places" => [$"{pattern}?q={Uri.EscapeDataString(((Place)records["hidden-place"]).Names[0].Text)}"],
            "/api/v1/layers/{name}" => [.. LayersApi.Layers.Select(l => $"/api/v1/layers/{l.Name}?bbox=40,35,55,45&zoom=10")],
            "/api/v1/layers/inside/{id}" => [.. RestrictedCase.WalkedIds.Select(id => $"/api/v1/layers/inside/{id}?buffer=50000")],
            "/timeline" => [$"{pattern}?year={year}", $"{pattern}?year={((Event)records["hidden-meeting"]).Start.First.Year}"],
            "/places" => [$"{pattern}?q={Uri.EscapeDataString(((Place)records["hidden-place"]).Names[0].Text)}"],
            "/scorecard" => [$"{pattern}?document=hidden-document"],
            _ => [],
        };
    }
}
