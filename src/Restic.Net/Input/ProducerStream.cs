using System.IO.Pipelines;
using Restic.Net.Output;

namespace Restic.Net.Input;

/// <summary>
/// A readable stream fed by a producer that writes into a pipe (restic dump): reading the end awaits
/// the producer, so its failure surfaces there as the producer's exception. Disposing the stream
/// before the end cancels the producer (restic gets SIGINT) and drops what it still writes.
/// </summary>
internal sealed class ProducerStream : Stream
{
    private readonly Pipe _pipe;
    private readonly Stream _reader;
    private readonly Task _producer;
    private readonly CancellationTokenSource _stop;
    private int _disposed;

    private ProducerStream(Pipe pipe, Task producer, CancellationTokenSource stop)
    {
        _pipe = pipe;
        _reader = pipe.Reader.AsStream(leaveOpen: true);
        _producer = producer;
        _stop = stop;
    }

    /// <summary>
    /// Starts the producer and returns once it has produced its first bytes or has ended, so that a
    /// producer failing at once (no such file, wrong password) throws here rather than at the first read.
    /// </summary>
    public static async Task<Stream> StartAsync(Func<Stream, CancellationToken, Task> produce, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: OutputPipe.PauseThreshold,
            resumeWriterThreshold: OutputPipe.PauseThreshold / 2,
            useSynchronizationContext: false));
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceAsync(produce, pipe.Writer, stop.Token);
        var stream = new ProducerStream(pipe, producer, stop);
        try
        {
            var first = await pipe.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            var ended = first.IsCompleted && first.Buffer.IsEmpty;
            pipe.Reader.AdvanceTo(first.Buffer.Start);
            if (ended)
            {
                await producer.ConfigureAwait(false);
            }
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return stream;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0 && !buffer.IsEmpty)
        {
            // The end of the data: it is complete only if the producer succeeded.
            await _producer.ConfigureAwait(false);
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            await base.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await _pipe.Reader.CompleteAsync().ConfigureAwait(false);
        if (!_producer.IsCompleted)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _producer.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ResticException)
        {
            // The reader stopped early: restic was interrupted on its behalf, or failed after the reader left.
        }
        finally
        {
            _stop.Dispose();
        }

        // Already disposed above: base.Dispose(true) finds _disposed set and only releases the base stream.
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Synchronous disposal does not wait for restic: it is interrupted and observed in the background.
            _pipe.Reader.Complete();
            _stop.Cancel();
            _ = _producer.ContinueWith(
                static (task, state) =>
                {
                    _ = task.Exception;
                    ((CancellationTokenSource)state!).Dispose();
                },
                _stop,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        base.Dispose(disposing);
    }

    private static async Task ProduceAsync(Func<Stream, CancellationToken, Task> produce, PipeWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await produce(writer.AsStream(leaveOpen: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }
}
