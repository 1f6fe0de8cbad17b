using System.Net;
using System.Text.RegularExpressions;

namespace Pacta.Tests.Server.Api;

public sealed partial class ApiDocsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_interactive_docs_are_served_from_this_server_with_no_cdn()
    {
        using var client = host.CreateClient();
        var page = await client.GetStringAsync(new Uri("/api/docs/index.html", UriKind.Relative), TestContext.Current.CancellationToken);
        var assets = Asset().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, asset => Assert.DoesNotContain("//", asset, StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri("/api/docs/" + asset.TrimStart('.', '/'), UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }
        var script = await client.GetStringAsync(new Uri("/api/docs/index.js", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/openapi/v1.json", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docs_address_leads_to_the_docs_page()
    {
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/api/docs", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/api/docs/index.html", new Uri(new Uri("http://localhost/api/docs"), response.Headers.Location!).AbsolutePath);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Asset();
}
