using Npgsql;

namespace Pacta.Tests;

/// <summary>
/// The PostgreSQL + PostGIS server named by PACTA_TEST_POSTGRES (a connection string; <c>tests/postgres.sh start</c>
/// starts a throwaway one and prints it). Without it the tests that need it are skipped, visibly, except in CI
/// (CI=true), where a missing server is a failure: the comparisons with PostGIS must run there.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "PACTA_TEST_POSTGRES";

    private NpgsqlDataSource? source;
    private string? unavailable;

    public async ValueTask InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            unavailable = $"{Variable} is not set: run `eval \"$(tests/postgres.sh start)\"` first";
            return;
        }
        try
        {
            source = NpgsqlDataSource.Create(connection);
            await using var command = source.CreateCommand("CREATE EXTENSION IF NOT EXISTS postgis");
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            unavailable = $"cannot use the PostgreSQL server named by {Variable} ({connection}): {e.Message}";
            if (source is not null) await source.DisposeAsync();
            source = null;
        }
    }

    /// <summary>The server; skips or fails the calling test when there is none.</summary>
    public NpgsqlDataSource Source
    {
        get
        {
            if (source is not null) return source;
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"PostgreSQL + PostGIS is required in CI and {unavailable}. .ci/run starts it with tests/postgres.sh.");
            Assert.Skip($"No PostgreSQL + PostGIS: {unavailable}.");
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>One number computed by the server.</summary>
    public async Task<double> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = Source.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (source is not null) await source.DisposeAsync();
    }
}
