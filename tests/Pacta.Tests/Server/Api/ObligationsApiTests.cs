using System.Net;
using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class ObligationsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private int ObligationCount => host.Records<Document>().Sum(d => d.Obligations.Count());

    [Fact]
    public async Task Obligations_lists_each_with_its_document_provision_and_state()
    {
        var obligations = (await host.Get("/api/v1/obligations")).AsArray();
        Assert.Equal(ObligationCount, obligations.Count);
        Assert.All(obligations, o =>
        {
            Assert.NotNull(o!["document"]);
            Assert.NotNull(o["provision"]);
            Assert.Contains((string)o["state"]!["status"]!, ObligationState.Statuses);
            Assert.Equal("2026-11-29", (string?)o["state"]!["asOf"]);
        });
    }

    [Fact]
    public async Task Each_status_filter_returns_exactly_the_obligations_in_that_status()
    {
        var total = 0;
        foreach (var status in ObligationState.Statuses)
        {
            var found = (await host.Get($"/api/v1/obligations?status={status}")).AsArray();
            Assert.All(found, o => Assert.Equal(status, (string?)o!["state"]!["status"]));
            total += found.Count;
        }
        Assert.Equal(ObligationCount, total);
    }

    [Fact]
    public async Task Obligations_filter_by_bearer_document_and_overdue()
    {
        var armenia = (await host.Get("/api/v1/obligations?bearer=armenia")).AsArray();
        Assert.NotEmpty(armenia);
        Assert.All(armenia, o => Assert.Contains("armenia", o!["bearers"]!.AsArray().Select(b => (string?)b)));
        Assert.Equal(host.Records<Document>().SelectMany(d => d.Obligations).Count(o => o.Bearers.Contains(new RecordId("armenia"))), armenia.Count);

        var statement = (await host.Get("/api/v1/obligations?document=trilateral-statement-2020-11-10")).AsArray();
        Assert.NotEmpty(statement);
        Assert.All(statement, o => Assert.Equal("trilateral-statement-2020-11-10", (string?)o!["document"]));

        var overdue = (await host.Get("/api/v1/obligations?overdue=true")).AsArray();
        var onTime = (await host.Get("/api/v1/obligations?overdue=false")).AsArray();
        Assert.All(overdue, o => Assert.True((bool)o!["state"]!["overdue"]!));
        Assert.All(onTime, o => Assert.False((bool)o!["state"]!["overdue"]!));
        Assert.Equal(ObligationCount, overdue.Count + onTime.Count);
    }

    [Fact]
    public async Task Obligations_as_of_a_date_before_any_assessment_are_unassessed()
    {
        var obligations = (await host.Get("/api/v1/obligations?asOf=1990-01-01")).AsArray();
        Assert.All(obligations, o =>
        {
            Assert.Equal("unassessed", (string?)o!["state"]!["status"]);
            Assert.Equal("1990-01-01", (string?)o["state"]!["asOf"]);
        });
    }

    [Theory]
    [InlineData("/api/v1/obligations?status=done", "status")]
    [InlineData("/api/v1/obligations?bearer=Armenia", "bearer")]
    [InlineData("/api/v1/obligations?document=a", "document")]
    [InlineData("/api/v1/obligations?overdue=yes", "overdue")]
    [InlineData("/api/v1/obligations?asOf=2024-02-30", "asOf")]
    [InlineData("/api/v1/obligations?asOf=29.11.2026", "asOf")]
    [InlineData("/api/v1/obligations/x_y", "id")]
    [InlineData("/api/v1/obligations/ts2020-art9-transit-guarantee?asOf=soon", "asOf")]
    public async Task Obligations_rejects_bad_parameters(string url, string parameter) => await host.BadParameter(url, parameter);

    [Fact]
    public async Task An_obligation_has_its_context_state_and_every_assessment()
    {
        var obligation = await host.Get("/api/v1/obligations/ts2020-art9-transit-guarantee");
        Assert.Equal("ts2020-art9-transit-guarantee", (string?)obligation["id"]);
        Assert.Equal("trilateral-statement-2020-11-10", (string?)obligation["document"]);
        Assert.Equal("art_9", (string?)obligation["provision"]);
        Assert.Contains((string)obligation["state"]!["status"]!, ObligationState.Statuses);
        var expected = host.Records<Assessment>().Where(a => a.Obligation.Value == "ts2020-art9-transit-guarantee").Select(a => a.Id.Value).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Ids.Of(obligation["assessments"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missing_obligation_is_a_404_problem() =>
        await host.Problem("/api/v1/obligations/no-such-obligation", HttpStatusCode.NotFound);
}
