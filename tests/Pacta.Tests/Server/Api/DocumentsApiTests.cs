using System.Net;
using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class DocumentsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Documents_lists_every_document_by_id()
    {
        var ids = Ids.Of(await host.Get("/api/v1/documents"));
        Assert.Equal(host.Records<Document>().Select(d => d.Id.Value).Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Documents_filters_by_kind_and_status()
    {
        var statements = await host.Get("/api/v1/documents?kind=statement");
        Assert.Equal(host.Records<Document>().Count(d => d.Kind == DocumentKind.Statement), statements.AsArray().Count);
        Assert.All(statements.AsArray(), d => Assert.Equal("statement", (string?)d!["kind"]));

        var signed = await host.Get("/api/v1/documents?kind=statement&status=signed");
        Assert.NotEmpty(signed.AsArray());
        Assert.All(signed.AsArray(), d => Assert.Equal("signed", (string?)d!["status"]));
    }

    [Theory]
    [InlineData("/api/v1/documents?kind=treaty", "kind")]
    [InlineData("/api/v1/documents?status=in_force", "status")]
    [InlineData("/api/v1/documents/Not_An_Id", "id")]
    [InlineData("/api/v1/documents/trilateral-statement-2020-11-10?asOf=2020-11", "asOf")]
    public async Task Documents_rejects_bad_parameters(string url, string parameter) => await host.BadParameter(url, parameter);

    [Fact]
    public async Task A_document_has_provisions_with_obligations_each_with_its_state_as_of_today()
    {
        var document = await host.Get("/api/v1/documents/trilateral-statement-2020-11-10");
        var provisions = document["provisions"]!.AsArray();
        Assert.Equal(9, provisions.Count);
        var obligations = provisions.SelectMany(p => p!["obligations"]!.AsArray()).ToList();
        Assert.NotEmpty(obligations);
        Assert.All(obligations, o =>
        {
            var state = o!["state"]!;
            Assert.Contains((string)state["status"]!, ObligationState.Statuses);
            Assert.Equal("2026-11-29", (string?)state["asOf"]);
            Assert.NotNull(state["overdue"]);
            Assert.NotNull(state["views"]);
        });
        Assert.Contains(obligations, o => o!["state"]!["views"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task A_missing_document_is_a_404_problem()
    {
        var problem = await host.Problem("/api/v1/documents/no-such-document", HttpStatusCode.NotFound);
        Assert.Contains("no-such-document", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
