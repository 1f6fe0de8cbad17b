using System.Net;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class PlacesApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("Stepanakert", "khankendi-stepanakert")]
    [InlineData("Khankendi", "khankendi-stepanakert")]
    [InlineData("Xankəndi", "khankendi-stepanakert")]
    [InlineData("Xankendi", "khankendi-stepanakert")]
    [InlineData("Ստեփանակերտ", "khankendi-stepanakert")]
    [InlineData("stepanakert", "khankendi-stepanakert")]
    [InlineData("Susa", "shusha-shushi")]
    [InlineData("Şuşa", "shusha-shushi")]
    [InlineData("Shushi", "shusha-shushi")]
    public async Task A_place_is_found_by_any_of_its_names(string name, string id)
    {
        var found = await host.Get($"/api/v1/places?q={Uri.EscapeDataString(name)}");
        Assert.Equal(id, Ids.Of(found).First());
    }

    [Fact]
    public async Task Places_without_a_query_lists_every_place()
    {
        var places = await host.Get("/api/v1/places");
        Assert.Equal(host.Records<Place>().Select(p => p.Id.Value).Order(StringComparer.Ordinal), Ids.Of(places));
    }

    [Fact]
    public async Task A_place_has_all_its_names_and_its_geometry()
    {
        var place = await host.Get("/api/v1/places/khankendi-stepanakert");
        var names = place["names"]!.AsArray().Select(n => (string)n!["text"]!).ToList();
        Assert.Contains("Stepanakert", names);
        Assert.Contains("Khankendi", names);
        Assert.Equal("Point", (string?)place["geometry"]!["type"]);
    }

    [Theory]
    [InlineData("/api/v1/places?q=", "q")]
    [InlineData("/api/v1/places?q=%20%20", "q")]
    [InlineData("/api/v1/places/Stepanakert", "id")]
    public async Task Places_rejects_bad_parameters(string url, string parameter) => await host.BadParameter(url, parameter);

    [Fact]
    public async Task A_missing_place_is_a_404_and_an_unmatched_query_an_empty_list()
    {
        await host.Problem("/api/v1/places/atlantis", HttpStatusCode.NotFound);
        Assert.Empty((await host.Get("/api/v1/places?q=Atlantis")).AsArray());
    }
}
