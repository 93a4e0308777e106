using System.Runtime.ExceptionServices;

namespace Restic.Net.Output;

/// <summary>
/// Wraps the caller's stream that receives restic's raw stdout. When writing to it fails, restic is
/// interrupted (SIGINT: it removes its lock) and the rest of its output is dropped, so that it never
/// blocks or dies of a broken pipe; the failure is rethrown once restic has exited.
/// </summary>
internal sealed class GuardedDestination(Stream destination, CancellationTokenSource interrupt) : Stream
{
    private long _written;

    public ExceptionDispatchInfo? Failure { get; private set; }

    public bool HasData => Interlocked.Read(ref _written) > 0;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A destination that stopped accepting data (a completed pipe) returns at once without looking
        // at the token: checking it here keeps a cancelled copy loop from spinning.
        cancellationToken.ThrowIfCancellationRequested();
        if (Failure is not null || buffer.IsEmpty)
        {
            return;
        }

        try
        {
            await destination.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _written, buffer.Length);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Failure = ExceptionDispatchInfo.Capture(ex);
            await interrupt.CancelAsync().ConfigureAwait(false);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
