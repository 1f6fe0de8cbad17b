using System.Net;
using Pacta.Claims;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class ClaimsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Claims_lists_every_claim_and_filters_by_subject()
    {
        Assert.Equal(host.Records<Claim>().Count(), (await host.Get("/api/v1/claims")).AsArray().Count);

        var about = await host.Get("/api/v1/claims?subject=detainee-status-after-ceasefire");
        Assert.Equal(["claim-detainee-status-armenia", "claim-detainee-status-azerbaijan"], Ids.Of(about).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_contested_sets_put_armenias_and_azerbaijans_detainee_claims_side_by_side()
    {
        var sets = (await host.Get("/api/v1/claims/contested")).AsArray();
        var detainees = sets.Single(s => (string?)s!["subject"] == "detainee-status-after-ceasefire")!;
        Assert.Equal("topic", (string?)detainees["subjectKind"]);
        Assert.Equal(host.Records<Topic>().Single(t => t.Id.Value == "detainee-status-after-ceasefire").Title, (string?)detainees["title"]);

        var claims = detainees["claims"]!.AsArray();
        Assert.Equal(["armenia", "azerbaijan"], claims.Select(c => (string)c!["claim"]!["asserter"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["asserts", "disputes"], claims.Select(c => (string)c!["claim"]!["stance"]!).Order(StringComparer.Ordinal));
        var armenia = claims.Single(c => (string?)c!["claim"]!["asserter"] == "armenia")!;
        var source = armenia["sources"]!.AsArray().Single()!;
        Assert.Equal("alphanews-2024-10-14", (string?)source["id"]);
        Assert.Equal("B", (string?)source["reliability"]);
        Assert.NotNull(source["title"]);
    }

    [Fact]
    public async Task Every_contested_set_and_only_those_are_listed()
    {
        var expected = host.Records<Claim>().GroupBy(c => c.Subject).Where(ContestedSet.AreContested).Select(g => g.Key.Value).Order(StringComparer.Ordinal);
        var sets = (await host.Get("/api/v1/claims/contested")).AsArray();
        Assert.Equal(expected, sets.Select(s => (string)s!["subject"]!));
        Assert.All(sets, s => Assert.True(s!["claims"]!.AsArray().Count >= 2));
    }

    [Fact]
    public async Task Claims_rejects_a_malformed_subject() =>
        await host.BadParameter("/api/v1/claims?subject=Detainee%20Status", "subject");

    [Fact]
    public async Task An_unknown_route_under_claims_is_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync(new Uri("/api/v1/claims/by-subject", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
}
