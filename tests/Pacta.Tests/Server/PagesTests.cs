using System.Globalization;
using System.Net;
using Pacta.Datasets;
using Pacta.Geography;
using Pacta.Model;

namespace Pacta.Tests.Server;

/// <summary>The pages over HTTP: each answers, unknown records are 404, stored markup is escaped, nothing is written.</summary>
public sealed class PagesTests(LiveServer server) : IClassFixture<LiveServer>
{
    private async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/documents")]
    [InlineData("/documents/trilateral-statement-2020-11-10")]
    [InlineData("/obligations/ts2020-art1-ceasefire")]
    [InlineData("/timeline")]
    [InlineData("/timeline?year=1994")]
    [InlineData("/claims")]
    [InlineData("/issues")]
    [InlineData("/places")]
    [InlineData("/places?q=Shushi&naming=lang:hy")]
    [InlineData("/places?naming=nonsense")]
    [InlineData("/places/khankendi-stepanakert?naming=party:armenia")]
    [InlineData("/map")]
    [InlineData("/places/routes")]
    [InlineData("/scorecard")]
    [InlineData("/scorecard?document=trilateral-statement-2020-11-10")]
    [InlineData("/scorecard?document=trilateral-statement-2020-11-10&asOf=2021-06-01")]
    public async Task Page_Answers(string path)
    {
        var (status, body) = await Get(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<nav aria-label=\"Main\">", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/documents/no-such-document")]
    [InlineData("/documents/Not_An_Id")]
    [InlineData("/obligations/no-such-obligation")]
    [InlineData("/places/trilateral-statement-2020-11-10")]
    [InlineData("/issues/no-such-issue")]
    [InlineData("/events/no-such-event")]
    [InlineData("/scorecard?document=no-such-document")]
    public async Task UnknownRecord_Is404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Get(path)).Status);

    [Theory]
    [InlineData("/scorecard?document=trilateral-statement-2020-11-10&asOf=2021-02-30")]
    [InlineData("/scorecard?document=trilateral-statement-2020-11-10&asOf=1990-01-01")]
    public async Task Scorecard_with_a_bad_or_too_early_date_is_400(string path) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Get(path)).Status);

    [Fact]
    public async Task Scorecard_without_script_shows_each_obligation_as_of_the_date_asked()
    {
        var dataset = Pacta.Datasets.DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        var compliance = Pacta.Compliance.ComplianceCase.From(dataset);
        var date = new DateOnly(2021, 6, 1);
        var (status, body) = await Get("/scorecard?document=trilateral-statement-2020-11-10&asOf=2021-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var o in dataset.OfType<Pacta.Model.Document>().Single(d => d.Id.Value == "trilateral-statement-2020-11-10").Obligations)
        {
            var row = body[body.IndexOf($"<tr data-obligation=\"{o.Id}\">", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            Assert.Contains($"class=\"cell status-{compliance.State(o.Id, date).Status}\"", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_page_says_so_in_a_page_while_the_api_answers_with_problem_details()
    {
        using var page = await server.Client.GetAsync("/documents/no-such-document", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Not found</h1>", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var api = await server.Client.GetAsync("/api/v1/documents/no-such-document", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Claims_EscapeStoredMarkup()
    {
        var (_, body) = await Get("/claims");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_AreReadOnly()
    {
        using var response = await server.Client.PostAsync("/claims", new StringContent(""), TestContext.Current.CancellationToken);

        Assert.False(response.IsSuccessStatusCode, $"POST /claims answered {response.StatusCode}");
    }

    [Fact]
    public async Task Routes_page_puts_each_measured_length_beside_every_claimed_one()
    {
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        var routes = dataset.OfType<Place>().Where(p => p.Kind == PlaceKind.Route).ToList();
        var claimed = dataset.OfType<Claim>().Where(c => c.Figure is { Unit: "km" }).ToList();
        Assert.NotEmpty(routes);
        Assert.NotEmpty(claimed);

        var (status, body) = await Get("/places/routes");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var route in routes)
        {
            Assert.Contains($"href=\"/places/{route.Id}\"", body, StringComparison.Ordinal);
            if (route.Geometry is { Dimension: NetTopologySuite.Geometries.Dimension.Curve } line)
                Assert.Contains((Measures.Length(line) / 1000).ToString("N1", CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        }
        foreach (var claim in claimed)
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(claim.Statement), body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("meghri-zangezur-route")]
    [InlineData("meghri-route-armenian-jurisdiction")]
    public async Task Competing_versions_of_a_line_sit_side_by_side_with_who_proposed_each(string id)
    {
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        var places = dataset.OfType<Place>().ToList();
        var root = places.Single(p => p.Id.Value == id) is { VersionOf: { } of } ? of : new RecordId(id);
        var versions = places.Where(p => p.VersionOf == root).ToList();
        Assert.True(versions.Count >= 2, "the bundled case keeps each side's version of the Meghri route");

        var (status, body) = await Get($"/places/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        var section = body[body.IndexOf("id=\"versions\"", StringComparison.Ordinal)..body.IndexOf("id=\"events\"", StringComparison.Ordinal)];
        foreach (var version in versions.Where(v => v.Id.Value != id))
            Assert.Contains($"href=\"/places/{version.Id}\"", section, StringComparison.Ordinal);
        Assert.Contains("Armenia", section, StringComparison.Ordinal);
        Assert.Contains("Azerbaijan", section, StringComparison.Ordinal);
    }
}
