using Pacta.Server;

namespace Pacta.Tests.Server;

public sealed class ServerOptionsTests
{
    [Fact]
    public void Arguments_name_the_store_and_the_address()
    {
        var options = ServerOptions.FromArguments(["--db", "case.db", "--urls", "http://127.0.0.1:6000"]);
        Assert.Equal("case.db", options.DatabasePath);
        Assert.Equal("http://127.0.0.1:6000", options.Urls);
    }

    [Fact]
    public void Without_arguments_the_store_is_left_to_the_environment_or_configuration()
    {
        var options = ServerOptions.FromArguments([]);
        var fromEnvironment = Environment.GetEnvironmentVariable("PACTA_DB") is { Length: > 0 } env ? env : null;
        Assert.Equal(fromEnvironment, options.DatabasePath);
        Assert.Equal(ServerOptions.DefaultUrls, options.Urls);
    }
}
