using System.Globalization;
using System.Text.Json.Nodes;

namespace Pacta.Tests.Server.Api;

/// <summary>The API and <c>pacta … --json</c> build their JSON with the same shapes: the same store gives the same JSON.</summary>
public sealed class SameShapesAsCliTests(ApiHost host) : IClassFixture<ApiHost>
{
    // The command derives states as of its own today; the API is asked for the same date.
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private JsonNode Printed(params string[] args)
    {
        var result = Pacta.Tests.Cli.Pacta.Run([.. args, "--json", "--db", host.DatabasePath]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Out)!;
    }

    [Theory]
    [InlineData("show trilateral-statement-2020-11-10", "/api/v1/documents/trilateral-statement-2020-11-10?asOf={today}")]
    [InlineData("show ts2020-art9-transit-guarantee", "/api/v1/obligations/ts2020-art9-transit-guarantee?asOf={today}")]
    [InlineData("list obligations", "/api/v1/obligations?asOf={today}")]
    [InlineData("show mine-maps", "/api/v1/issues/mine-maps")]
    [InlineData("show khankendi-stepanakert", "/api/v1/places/khankendi-stepanakert")]
    [InlineData("list claims", "/api/v1/claims")]
    [InlineData("list sources", "/api/v1/sources")]
    public async Task The_api_serves_what_the_command_prints(string command, string url)
    {
        var printed = Printed(command.Split(' '));
        var served = await host.Get(url.Replace("{today}", Today, StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(printed, served), $"pacta {command} --json and {url} differ");
    }
}
