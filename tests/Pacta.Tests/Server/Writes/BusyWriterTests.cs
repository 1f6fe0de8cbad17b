using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pacta.Model;
using Pacta.Store;
using Pacta.Store.Postgres;

namespace Pacta.Tests.Server.Writes;

/// <summary>
/// A write while another process holds the store's write lock (an import, say) waits, then is answered 503 with
/// Retry-After, not 500, and writes nothing; once the lock is free the same request succeeds. The same on both backends.
/// The wait is shortened from 30 s to one second for the test.
/// </summary>
public abstract class BusyWriter(WritesHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_that_waits_too_long_for_another_writer_gets_503_with_retry_after_and_writes_nothing()
    {
        if (host.Unavailable is { } why) Assert.Skip(why);
        var client = host.CreateClient();
        var id = new RecordId("armenia");
        using var read = await WritesHost.Send(client, HttpMethod.Get, "/api/v1/actors/armenia");
        var body = (await WritesHost.Json(read)).AsObject();
        body["note"] = "written while another process held the store";
        var version = host.Records.FindVersioned(id)!.Version;
        var history = host.Records.History(id).Count;
        var wait = SetWait(TimeSpan.FromSeconds(1));
        try
        {
            using (HoldWriteLock())
            {
                using var busy = await WritesHost.Send(client, HttpMethod.Put, "/api/v1/actors/armenia", host.ContributorToken, body, read.Headers.ETag!.ToString());

                var text = await busy.Content.ReadAsStringAsync(Cancel);
                Assert.True(busy.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)busy.StatusCode} {text}");
                Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter?.Delta);
                Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
                var problem = (await WritesHost.Json(busy)).AsObject();
                Assert.Equal(503, (int?)problem["status"]);
                Assert.Contains("another writer", (string?)problem["detail"], StringComparison.Ordinal);
                // The store's location is not the client's business.
                Assert.DoesNotContain(host.DatabasePath, text, StringComparison.Ordinal);
                Assert.DoesNotContain("postgresql://", text, StringComparison.Ordinal);
            }
            Assert.Equal(version, host.Records.FindVersioned(id)!.Version);
            Assert.Equal(history, host.Records.History(id).Count);

            // Once the other writer is done, the same contribution is kept as a draft and can be published.
            using var again = await host.SubmitAndPublish(client, HttpMethod.Put, "/api/v1/actors/armenia", body, read.Headers.ETag!.ToString());
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(version + 1, host.Records.FindVersioned(id)!.Version);
        }
        finally
        {
            SetWait(wait);
        }
    }

    /// <summary>The store under the view each request reads it through.</summary>
    private IStore Backing => host.Records is AudienceStore view ? view.Inner : host.Records;

    /// <summary>Sets how long the server's store waits for the write lock; gives the wait it had.</summary>
    private TimeSpan SetWait(TimeSpan wait)
    {
        switch (Backing)
        {
            case SqliteStore sqlite:
                var sqliteWait = sqlite.WriteWait;
                sqlite.WriteWait = wait;
                return sqliteWait;
            case PostgresStore postgres:
                var postgresWait = postgres.WriteWait;
                postgres.WriteWait = wait;
                return postgresWait;
            default:
                throw new InvalidOperationException($"unexpected store {Backing.GetType()}");
        }
    }

    /// <summary>Takes the store's write lock as another process would: a SQLite file's RESERVED lock, PostgreSQL's advisory lock.</summary>
    private IDisposable HoldWriteLock()
    {
        if (Backing is PostgresStore)
        {
            // Not pooled: closing it must end the session, and with it the lock.
            var connection = new NpgsqlConnection(host.DatabasePath + ";Pooling=false");
            connection.Open();
            using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", PostgresStore.WriteLockKey);
            command.ExecuteNonQuery();
            return connection;
        }
        var file = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.DatabasePath, Pooling = false }.ToString());
        file.Open();
        using (var begin = file.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }
        return file;
    }
}

/// <summary>A busy writer on a SQLite file.</summary>
public sealed class BusyWriterTests(WritesHost host) : BusyWriter(host), IClassFixture<WritesHost>;

/// <summary>A busy writer on a PostgreSQL database.</summary>
public sealed class PostgresBusyWriterTests(PostgresWritesHost host) : BusyWriter(host), IClassFixture<PostgresWritesHost>;
