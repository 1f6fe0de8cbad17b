using System.Net;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class SourcesAndActorsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Sources_lists_every_source_with_its_reliability()
    {
        var sources = (await host.Get("/api/v1/sources")).AsArray();
        Assert.Equal(host.Records<Source>().Select(s => s.Id.Value).Order(StringComparer.Ordinal), Ids.Of(sources));
        Assert.All(sources, s => Assert.Contains((string)s!["reliability"]!, new[] { "A", "B", "C", "D", "E", "F" }));
    }

    [Fact]
    public async Task A_source_is_served_by_id()
    {
        var source = await host.Get("/api/v1/sources/policy-paper-2023");
        Assert.Equal("C", (string?)source["reliability"]);
        await host.Problem("/api/v1/sources/no-such-source", HttpStatusCode.NotFound);
        await host.BadParameter("/api/v1/sources/x", "id");
    }

    [Fact]
    public async Task Actors_lists_every_actor_and_serves_one_by_id()
    {
        var actors = (await host.Get("/api/v1/actors")).AsArray();
        Assert.Equal(host.Records<Actor>().Select(a => a.Id.Value).Order(StringComparer.Ordinal), Ids.Of(actors));
        var armenia = await host.Get("/api/v1/actors/armenia");
        Assert.Equal("state", (string?)armenia["kind"]);
        await host.Problem("/api/v1/actors/no-such-actor", HttpStatusCode.NotFound);
        await host.BadParameter("/api/v1/actors/Armenia", "id");
    }

    [Fact]
    public async Task A_record_of_another_kind_is_not_found_under_the_wrong_route()
    {
        await host.Problem("/api/v1/actors/policy-paper-2023", HttpStatusCode.NotFound);
        await host.Problem("/api/v1/events/armenia", HttpStatusCode.NotFound);
    }
}
