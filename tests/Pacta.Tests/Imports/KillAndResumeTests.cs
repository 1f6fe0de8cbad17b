using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Pacta.Tests.Cli;
using Pacta.Tests.Store;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>
/// A real <c>pacta import</c> killed with SIGKILL part-way leaves a consistent store (with <c>skip</c>, the batches
/// committed so far; with <c>stop</c>, the store as it was), and running the same import again completes it, each
/// row once. The file is generated: 30,000 ACLED rows, which took 11 to 21 s to import on the shared 2-core machine
/// these tests were written on (10,000 took 4 to 7 s), so the kill comes in the middle of the import. Should imports become so fast that the
/// import ends before the kill, the tests fail saying so: the file must then grow.
/// </summary>
public sealed class KillAndResumeTests
{
    private const int Rows = 30_000;

    private static string Generate(TempFolder folder)
    {
        var file = folder["generated.csv"];
        var result = global::Pacta.Tests.Cli.Pacta.Run("generate", "events", "--rows", Rows.ToString(CultureInfo.InvariantCulture), "--format", "acled", "--seed", "11", "--out", file);
        Assert.True(result.ExitCode == 0, result.Error);
        return file;
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pacta.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PACTA_DB"] = null;
        start.Environment["PACTA_USER"] = "test";
        return Process.Start(start)!;
    }

    /// <summary>How many dataset rows the store holds, read by a connection of its own that writes nothing.</summary>
    private static long Origins(string db) => TryOrigins(db, wait: true)!.Value;

    /// <summary>
    /// Without <paramref name="wait"/>, null when the importer holds the store locked (committing): waiting then would
    /// let the import run on, maybe to its end, before the test could kill it.
    /// </summary>
    private static long? TryOrigins(string db, bool wait)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = wait ? 30 : 1 }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM event_origin";
            command.CommandTimeout = wait ? 30 : 1;
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException e) when (!wait && e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return null;
        }
    }

    private static HashSet<string> Keys(string file)
    {
        var rows = IdempotenceTests.CsvRows(file);
        var index = rows[0].ToList().IndexOf("event_id_cnty");
        return [.. rows.Skip(1).Select(r => r[index])];
    }

    private static void Kill(Process process)
    {
        process.Kill(entireProcessTree: true);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the killed import did not end");
    }

    [Fact]
    public void Killed_with_skip_after_some_batches_the_store_is_consistent_and_the_rerun_completes_it_without_duplicates()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Generate(folder);
        var args = new[] { "import", "acled", file, "--db", db, "--on-error", "skip", "--batch", "1000" };

        long seen;
        var watch = Stopwatch.StartNew();
        using (var process = Start(args))
        {
            while ((seen = TryOrigins(db, wait: false) ?? 0) < 2000 && !process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
            if (process.HasExited) Assert.Fail($"the import ended before it could be killed ({seen} rows in): make the file larger. {process.StandardError.ReadToEnd()}");
            Kill(process);
        }

        using (global::Pacta.Store.SqliteStore.Open(db)) { } // the store opens (rolling back the batch the kill cut short)
        var kept = Origins(db);
        Assert.True(kept is >= 2000 and < Rows, $"{kept} rows kept, {seen} seen before the kill");
        AssertConsistent(db);

        var rerun = ImportFiles.Import(db, "acled", file, "--on-error", "skip", "--batch", "1000");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var rejected = File.Exists(file + ".rejects.csv") ? Keys(file + ".rejects.csv") : [];
        Assert.Contains($"{kept.ToString("N0", CultureInfo.InvariantCulture)} unchanged, {rejected.Count.ToString("N0", CultureInfo.InvariantCulture)} rejected", rerun.Out, StringComparison.Ordinal);
        AssertConsistent(db);
        var stored = RawSqlite.Rows(db, "SELECT key FROM event_origin WHERE dataset = 'acled'");
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(Keys(file).Except(rejected).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal(stored.Count, ImportedEvents(db).Count);
    }

    [Fact]
    public void Killed_with_stop_the_store_is_as_it_was_and_the_rerun_completes()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Generate(folder);
        var before = Contents(db);

        using (var process = Start("import", "acled", file, "--db", db))
        {
            // With stop nothing is committed before the end, so there is nothing to poll: kill after three seconds,
            // when the import is well under way here (it takes 11 s or more).
            if (process.WaitForExit(TimeSpan.FromSeconds(3))) Assert.Fail($"the import ended before it could be killed: make the file larger. {process.StandardError.ReadToEnd()}");
            Kill(process);
        }

        using (global::Pacta.Store.SqliteStore.Open(db)) { } // the store opens (rolling back the transaction the kill cut short)
        Assert.Equal(before, Contents(db));
        Assert.Equal(0, Origins(db));

        var rerun = ImportFiles.Import(db, "acled", file);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains($"{Rows.ToString("N0", CultureInfo.InvariantCulture)} created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 0 rejected", rerun.Out, StringComparison.Ordinal);
        AssertConsistent(db);
        Assert.Equal(Keys(file).Order(StringComparer.Ordinal), RawSqlite.Rows(db, "SELECT key FROM event_origin").Order(StringComparer.Ordinal));
    }
}
