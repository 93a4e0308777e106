using System.Threading.Channels;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Auditing;

/// <summary>
/// Writes audit entries to the state database in batches, off the request path: a request queues its entry and
/// returns, and one writer saves whatever has queued in a single transaction. One write per request serialized every
/// request behind SQLite's write lock (GET /snapshots stalled at its 95th percentile). Nothing is dropped: the queue
/// is bounded and a full queue makes requests wait; <see cref="FlushAsync"/> waits for every entry queued before it
/// (GET /audit calls it, so a caller reads its own calls); stopping the host writes what is left.
/// </summary>
internal sealed partial class AuditTrail(StateDatabase database, ILogger<AuditTrail> logger) : IHostedService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<AuditEntity> _queue = Channel.CreateBounded<AuditEntity>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _lock = new();
    private long _queued;
    private long _written;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _writer = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(WriteAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Queues an entry; written with the next batch (at once after a stop).</summary>
    public async ValueTask RecordAsync(AuditEntity entry)
    {
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(entry))
        {
            try
            {
                await _queue.Writer.WriteAsync(entry);
            }
            catch (ChannelClosedException)
            {
                await SaveAsync([entry]); // the host is stopping: written directly
                Advance(1);
            }
        }
    }

    /// <summary>Waits until every entry queued before this call is in the database (10 s at most).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _queued);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FlushTimeout);
        while (Interlocked.Read(ref _written) < target && !timeout.IsCancellationRequested)
        {
            Task progress;
            lock (_lock)
            {
                progress = _progress.Task;
            }

            if (Interlocked.Read(ref _written) >= target)
            {
                break;
            }

            await progress.WaitAsync(timeout.Token).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _writer.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        var batch = new List<AuditEntity>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await SaveAsync(batch);
            Advance(batch.Count);
            batch.Clear();
        }
    }

    private async Task SaveAsync(List<AuditEntity> entries)
    {
        try
        {
            await using var db = database.Open();
            db.Audit.AddRange(entries);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Each entry is also in the log (event 2000); the calls themselves are not failed for the trail.
            LogWriteFailed(logger, entries.Count, ex);
        }
    }

    private void Advance(int count)
    {
        Interlocked.Add(ref _written, count);
        TaskCompletionSource done;
        lock (_lock)
        {
            done = _progress;
            _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "{Count} audit entries could not be written to the state database")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
