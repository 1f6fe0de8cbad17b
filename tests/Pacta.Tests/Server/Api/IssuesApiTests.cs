using System.Net;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class IssuesApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Issues_lists_every_issue_with_its_positions()
    {
        var issues = (await host.Get("/api/v1/issues")).AsArray();
        Assert.Equal(host.Records<Issue>().Select(i => i.Id.Value).Order(StringComparer.Ordinal), Ids.Of(issues));
        Assert.Contains(issues, i => i!["positions"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task An_issue_groups_its_positions_by_actor_oldest_first()
    {
        var expected = host.Records<Issue>().Single(i => i.Id.Value == "mine-maps");
        var issue = await host.Get("/api/v1/issues/mine-maps");
        var groups = issue["positionsByActor"]!.AsArray();
        Assert.Equal(expected.Positions.Select(p => p.Actor.Value).Distinct().Order(StringComparer.Ordinal), groups.Select(g => (string)g!["actor"]!).Order(StringComparer.Ordinal));
        Assert.All(groups, g =>
        {
            var dates = g!["positions"]!.AsArray().Select(p => PartialDate.Parse((string)p!["date"]!)).ToList();
            Assert.Equal(dates.Order(), dates);
        });
        Assert.Equal(expected.Positions.Count, groups.Sum(g => g!["positions"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_missing_issue_is_a_404_and_a_bad_id_a_400()
    {
        await host.Problem("/api/v1/issues/no-such-issue", HttpStatusCode.NotFound);
        await host.BadParameter("/api/v1/issues/-mine-", "id");
    }
}
