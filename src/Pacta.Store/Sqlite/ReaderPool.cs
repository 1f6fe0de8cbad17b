namespace Pacta.Store.Sqlite;

/// <summary>
/// A few read-only connections to the store's file, lent one per call so that readers do not wait for each other
/// (nor for the writer, until it commits). Connections are opened as they are first needed, up to <c>size</c>; a
/// call that finds them all lent waits for one to come back. Each keeps its own prepared statements.
/// </summary>
internal sealed class ReaderPool(string path, int size) : IDisposable
{
    private readonly object sync = new();
    private readonly Stack<StoreConnection> idle = new();
    private int opened;
    private bool disposed;

    /// <summary>
    /// Two per processor, at least four and at most sixteen: a read on a large store waits for the disk about as much as
    /// it computes (on two shared cores, 16 clients served by 8 readers waited half as long at p95 as by 2).
    /// </summary>
    public static int DefaultSize => Math.Clamp(2 * Environment.ProcessorCount, 4, 16);

    /// <summary>How many connections are open now, lent or idle.</summary>
    public int Opened
    {
        get
        {
            lock (sync) return opened;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one read transaction on a connection of its own: every statement in it sees the same commit.</summary>
    /// <exception cref="ObjectDisposedException">The pool is closed.</exception>
    public T Read<T>(Func<StoreConnection, T> work)
    {
        var connection = Borrow();
        try
        {
            connection.BeginRead();
            var result = work(connection);
            connection.Commit();
            return result;
        }
        catch
        {
            connection.Rollback();
            throw;
        }
        finally
        {
            GiveBack(connection);
        }
    }

    /// <summary>Closes every connection: the idle ones now, the lent ones as soon as their calls end (waiting for those).</summary>
    public void Dispose()
    {
        lock (sync)
        {
            if (disposed) return;
            disposed = true;
            while (idle.TryPop(out var connection))
            {
                connection.Dispose();
                opened--;
            }
            Monitor.PulseAll(sync);
            while (opened > 0) Monitor.Wait(sync);
        }
    }

    private StoreConnection Borrow()
    {
        lock (sync)
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(disposed, typeof(SqliteStore));
                if (idle.TryPop(out var connection)) return connection;
                if (opened < size) break;
                Monitor.Wait(sync);
            }
            opened++;
        }
        try
        {
            return StoreConnection.OpenReader(path);
        }
        catch
        {
            lock (sync)
            {
                opened--;
                Monitor.PulseAll(sync);
            }
            throw;
        }
    }

    private void GiveBack(StoreConnection connection)
    {
        lock (sync)
        {
            if (disposed)
            {
                connection.Dispose();
                opened--;
            }
            else
            {
                idle.Push(connection);
            }
            Monitor.PulseAll(sync);
        }
    }
}
