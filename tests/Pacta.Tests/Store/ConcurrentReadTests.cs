using Pacta.Imports;
using Pacta.Model;
using Pacta.Store;
using Pacta.Store.Sqlite;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// Reads on the pool of read-only connections, on a real store file: readers at the same time as each other and as
/// an import, each seeing the store as one commit left it, and every connection closed when the store is.
/// </summary>
public sealed class ConcurrentReadTests : IDisposable
{
    /// <summary>Long enough that only a reader that never comes would reach it; a liveness bound, not a speed target.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly EventFilter Everything = new();

    private readonly TempStore temp = new();

    public void Dispose() => temp.Dispose();

    private static Event Imported(int n) => new(
        ImportedEvent.IdFor(EventDataset.Acled, $"ARM{n}"), $"clash {n}", EventType.Parse("acled:Battles/Armed clash"),
        PartialDate.Day(2021, 1 + n % 12, 1 + n % 28), null, new EventPlace(null, new GeoPoint(45 + n % 10 * 0.1, 40), LocationPrecision.Exact),
        [new EventActor(Armenia.Id, EventActorRole.SideA), new EventActor(Azerbaijan.Id, EventActorRole.SideB)],
        null, null, null, [Dataset.Id], null, [new EventOrigin(EventDataset.Acled, $"ARM{n}", $"{n:x16}")]);

    private static ImportAction Put(IEventImport import, Event row) => import.Put([ReadyEvent.From(row)])[0].Action;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ChangeContext ImportContext { get; } = new("test", "pacta import acled");

    [Fact]
    public void Two_readers_on_the_pool_are_inside_their_reads_at_the_same_time()
    {
        using (var store = temp.Open()) store.Write(All, Context);
        using var pool = new ReaderPool(temp.Path, 4);
        using var both = new Barrier(2);

        // Each read waits inside its transaction for the other to arrive: if reads took turns, neither would return.
        var reads = Enumerable.Range(0, 2).Select(_ => new Side<long>(() => pool.Read(db =>
        {
            var before = db.Scalar("SELECT COUNT(*) FROM record");
            if (!both.SignalAndWait(Patience, Cancel)) throw new TimeoutException("the other reader never came");
            return (long)before! + (long)db.Scalar("SELECT COUNT(*) FROM record")!;
        }))).ToList();

        Assert.All(reads, r => Assert.Equal(2L * All.Count, r.Result));
        Assert.Equal(2, pool.Opened);
    }

    [Fact]
    public void The_pool_opens_no_more_connections_than_its_size_and_reuses_them()
    {
        using (var store = temp.Open()) store.Write(All, Context);
        using var pool = new ReaderPool(temp.Path, 2);

        var counts = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => pool.Read(db => (long)db.Scalar("SELECT COUNT(*) FROM record")!)).ToList();

        Assert.All(counts, c => Assert.Equal(All.Count, c));
        Assert.InRange(pool.Opened, 1, 2);
    }

    [Fact]
    public void Readers_are_not_kept_waiting_by_an_import_and_see_what_was_committed_before_it()
    {
        using var store = temp.Open();
        store.Write(All, Context);
        var before = store.CountEvents(Everything);
        var import = store.BeginEventImport(ImportContext, null, batched: true);
        try
        {
            for (var n = 0; n < 50; n++) Assert.Equal(ImportAction.Created, Put(import, Imported(n)));
            import.Checkpoint();
            for (var n = 50; n < 120; n++) Assert.Equal(ImportAction.Created, Put(import, Imported(n)));

            // The import holds the writing connection, 50 events committed and 70 not. Another thread reads.
            var during = new Side<(int Count, int Page, IRecord? Uncommitted, IRecord? Committed)>(() => (store.CountEvents(Everything),
                store.QueryEvents(Everything, 1000).Events.Count, store.Find(Imported(100).Id), store.Find(Imported(10).Id))).Result;
            Assert.Equal(before + 50, during.Count);
            Assert.Equal(before + 50, during.Page);
            Assert.Null(during.Uncommitted);
            Assert.NotNull(during.Committed);

            // On the thread that holds the import, a read goes through the import's own connection and sees its writes.
            Assert.Equal(before + 120, store.CountEvents(Everything));
            Assert.NotNull(store.Find(Imported(100).Id));

            import.Complete();
        }
        finally
        {
            import.Dispose();
        }

        var after = new Side<(int Count, IRecord? Found)>(() => (store.CountEvents(Everything), store.Find(Imported(100).Id))).Result;
        Assert.Equal(before + 120, after.Count);
        Assert.NotNull(after.Found);
    }

    [Fact]
    public void A_read_transaction_sees_one_commit_throughout_while_the_writer_waits_to_commit_the_next()
    {
        using var store = temp.Open();
        store.Write(All, Context);
        var before = store.CountEvents(Everything);
        using var pool = new ReaderPool(temp.Path, 2);
        using var readerIn = new ManualResetEventSlim();
        using var commitStarted = new ManualResetEventSlim();

        var import = store.BeginEventImport(ImportContext, null, batched: false);
        (int First, int Second) seen;
        try
        {
            for (var n = 0; n < 30; n++) Put(import, Imported(n));
            var reader = new Side<(int, int)>(() => pool.Read(db =>
            {
                var first = Count(db);
                readerIn.Set();
                // Give the writer every chance to commit in the middle of this transaction: it must not.
                if (!commitStarted.Wait(Patience, Cancel)) throw new TimeoutException("the commit never started");
                Thread.Sleep(300);
                return (first, Count(db));
            }));
            Assert.True(readerIn.Wait(Patience, Cancel));
            // Complete runs on its own thread: it must wait for the reader's shared lock before it can commit.
            var importer = import;
            var committer = new Side<bool>(() =>
            {
                commitStarted.Set();
                importer.Complete();
                return true;
            });
            seen = reader.Result;
            Assert.True(committer.Result);
        }
        finally
        {
            import.Dispose();
        }

        Assert.Equal((before, before), seen);
        Assert.Equal(before + 30, pool.Read(Count));
        Assert.Equal(before + 30, store.CountEvents(Everything));

        static int Count(StoreConnection db) => Convert.ToInt32(db.Scalar("SELECT COUNT(*) FROM event_index"), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_read_waits_out_a_write_lock_held_longer_than_a_reader_waits()
    {
        using var store = temp.Open();
        store.Write(All, Context);
        var places = store.All<Place>().Count;
        using var locked = new ManualResetEventSlim();

        // Another connection holds the file exclusively for longer than a pooled reader waits for a lock (5 s), as a
        // large import does once its changes outgrow its page cache: the read must wait on, not fail.
        var holder = new Side<bool>(() =>
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.Path};Pooling=False");
            connection.Open();
            using (var begin = connection.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                begin.ExecuteNonQuery();
            }
            locked.Set();
            Thread.Sleep(TimeSpan.FromSeconds(7));
            using var commit = connection.CreateCommand();
            commit.CommandText = "COMMIT";
            commit.ExecuteNonQuery();
            return true;
        });
        Assert.True(locked.Wait(Patience, Cancel));

        var read = new Side<int>(() => store.All<Place>().Count);

        Assert.Equal(places, read.Result);
        Assert.True(holder.Result);
    }

    [Fact]
    public void Many_threads_reading_get_the_same_answers_as_one()
    {
        using var store = temp.Open();
        store.Write(All, Context);
        var import = store.BeginEventImport(ImportContext, null, batched: false);
        for (var n = 0; n < 300; n++) Put(import, Imported(n));
        import.Complete();
        import.Dispose();
        var filter = new EventFilter(From: new DateOnly(2021, 3, 1), To: new DateOnly(2021, 8, 31), Actor: Azerbaijan.Id);
        var expected = (store.CountEvents(filter), Ids(store.QueryEvents(filter, 50)), store.CountEventsBy(filter, EventPeriod.Month).Sum(c => c.Count));

        var answers = Enumerable.Range(0, 24).AsParallel().WithDegreeOfParallelism(6)
            .Select(_ => (store.CountEvents(filter), Ids(store.QueryEvents(filter, 50)), store.CountEventsBy(filter, EventPeriod.Month).Sum(c => c.Count)))
            .ToList();

        Assert.All(answers, a => Assert.Equal(expected, a));
        Assert.Equal(expected.Item1, expected.Item3);

        static string Ids(EventPage page) => string.Join(",", page.Events.Select(e => e.Id.Value));
    }

    [Fact]
    public void Disposing_the_store_closes_every_connection_the_readers_opened()
    {
        var store = temp.Open();
        store.Write(All, Context);
        using var all = new Barrier(3);
        var reads = Enumerable.Range(0, 3).Select(_ => new Side<int>(() =>
        {
            all.SignalAndWait(Patience, Cancel);
            return store.All<Place>().Count + store.History(KhankendiStepanakert.Id).Count;
        })).ToList();
        Assert.All(reads, r => Assert.True(r.Result > 0));
        Assert.True(OpenHandles(temp.Path) is null or >= 2, "the reads opened connections of their own");

        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Find(KhankendiStepanakert.Id));
        Assert.Throws<ObjectDisposedException>(() => store.CountEvents(Everything));
        if (OpenHandles(temp.Path) is { } open) Assert.Equal(0, open);
        File.Delete(temp.Path);
        Assert.False(File.Exists(temp.Path));
        Assert.False(File.Exists(temp.Path + "-journal"));
    }

    [Fact]
    public void Disposing_the_pool_while_a_read_is_under_way_closes_its_connection_when_the_read_ends()
    {
        using (var store = temp.Open()) store.Write(All, Context);
        var pool = new ReaderPool(temp.Path, 2);
        using var reading = new ManualResetEventSlim();
        using var finish = new ManualResetEventSlim();
        var read = new Side<long>(() => pool.Read(db =>
        {
            reading.Set();
            finish.Wait(Patience, Cancel);
            return (long)db.Scalar("SELECT COUNT(*) FROM record")!;
        }));
        Assert.True(reading.Wait(Patience, Cancel));

        var disposing = new Side<bool>(() =>
        {
            pool.Dispose();
            return true;
        });
        finish.Set();

        Assert.True(disposing.Result);
        Assert.Equal(All.Count, read.Result);
        Assert.Equal(0, pool.Opened);
        Assert.Throws<ObjectDisposedException>(() => pool.Read(db => db.Scalar("SELECT 1")));
        if (OpenHandles(temp.Path) is { } open) Assert.Equal(0, open);
    }

    /// <summary>Work on a thread of its own (the import's lock belongs to the test's thread, so no tasks that may hop between threads).</summary>
    private sealed class Side<T>
    {
        private readonly Thread thread;
        private T? result;
        private Exception? error;

        public Side(Func<T> work)
        {
            thread = new Thread(() =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    error = e;
                }
            }) { IsBackground = true };
            thread.Start();
        }

        /// <summary>Waits for the work to end and gives its result, or throws what it threw.</summary>
        public T Result
        {
            get
            {
                if (!thread.Join(Patience)) throw new TimeoutException("the work on the other thread never ended: it waits for something that does not come");
                if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                return result!;
            }
        }
    }

    /// <summary>How many of this process's file descriptors point at <paramref name="path"/>; null where /proc is not there to ask.</summary>
    private static int? OpenHandles(string path)
    {
        const string fds = "/proc/self/fd";
        if (!Directory.Exists(fds)) return null;
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries(fds))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget == path) count++;
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
        }
        return count;
    }
}
