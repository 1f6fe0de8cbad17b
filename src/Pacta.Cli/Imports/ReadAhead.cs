using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Pacta.Cli.Imports;

/// <summary>
/// Runs a sequence on a thread of its own, a few batches ahead of its consumer: reading and mapping the rows of a file
/// on one core while the store writes the rows before them on the other. The consumer gets the items in order, in
/// batches, and any exception the sequence throws where the sequence stopped. Stopping early stops the producer.
/// Few items are in flight at once (eight batches: enough for the reader to go on while a SQLite store writes the events
/// it has gathered, a few hundred at a time): items that live through a collection of the young generation cost memory later.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<T[]> Batches<T>(IEnumerable<T> source, int batchSize = 64, int batchesAhead = 8)
    {
        using var queue = new BlockingCollection<T[]>(batchesAhead);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count < batchSize) continue;
                    queue.Add([.. batch], stop.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) queue.Add([.. batch], stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early: nothing more is wanted.
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable()) yield return batch;
            producer.Wait();
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }
    }
}
