using Restic.Net.Repository.Index;

namespace Restic.Net.Repository.Files;

/// <summary>
/// A file of a snapshot as a seekable, read-only stream over its data blobs. Keeps the current blob and
/// loads the next ones in the background (one per core, at most four) while the current one is read, so that
/// reading, authenticating and decrypting run in parallel with each other and with the consumer.
/// </summary>
internal sealed class SnapshotFileStream(ResticRepositoryReader reader, BlobId[] blobs, long[] ends, RepositoryIndex basis) : Stream
{
    private long _position;
    private int _current = -1;

    // The current blob's plaintext: the first _currentLength bytes of an array rented from the shared pool (or empty).
    private byte[] _currentData = [];
    private int _currentLength;
    private static readonly int s_prefetch = Math.Clamp(Environment.ProcessorCount, 1, 4);

    // The blobs after the current one, loading: (blob number, task), in order.
    private readonly Queue<(int Blob, Task<(byte[] Plaintext, int Length, string Pack)> Load)> _prefetched = new();
    private CancellationTokenSource? _prefetchCancellation;
    private bool _disposed;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length => ends.Length == 0 ? 0 : ends[^1];

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        var read = 0;
        try
        {
            read = ReadAsync(rented.AsMemory(0, buffer.Length), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ResticRepositoryReader.ReturnPooled(rented, read);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Not even from a blob loaded ahead: once the reader is disposed, its streams return nothing more.
        reader.ThrowIfDisposed();
        var total = 0;
        while (buffer.Length > 0 && _position < Length)
        {
            var blob = BlobAt(_position);
            await LoadAsync(blob, cancellationToken).ConfigureAwait(false);
            var start = blob == 0 ? 0 : ends[blob - 1];
            var from = (int)(_position - start);
            var count = Math.Min(buffer.Length, _currentLength - from);
            _currentData.AsMemory(from, count).CopyTo(buffer);
            buffer = buffer[count..];
            _position += count;
            total += count;
        }

        // A Dispose on another thread during the copy gave the buffer back to the pool: never return what was copied.
        ObjectDisposedException.ThrowIf(_disposed, this);
        return total;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0)
        {
            throw new IOException("Cannot seek before the start of the file.");
        }

        _position = target;
        return target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A snapshot's file is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A snapshot's file is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            DropPrefetched();
            _prefetchCancellation?.Dispose();
            ReleaseCurrent();
        }

        base.Dispose(disposing);
    }

    private int BlobAt(long position)
    {
        var found = Array.BinarySearch(ends, position);

        // An exact hit on an end is the first byte of the next blob.
        return found >= 0 ? found + 1 : ~found;
    }

    private async Task LoadAsync(int blob, CancellationToken cancellationToken)
    {
        if (blob == _current)
        {
            return;
        }

        ReleaseCurrent();
        if (_prefetched.TryPeek(out var next) && next.Blob == blob)
        {
            _prefetched.Dequeue();
            (_currentData, _currentLength, _) = await next.Load.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A seek elsewhere: what was loading ahead is of no use.
            DropPrefetched();
            (_currentData, _currentLength, _) = await reader.LoadBlobAsync(blobs[blob], BlobType.Data, basis, cancellationToken, pooled: true).ConfigureAwait(false);
        }

        _current = blob;
        _prefetchCancellation ??= new CancellationTokenSource();
        var token = _prefetchCancellation.Token;
        for (var ahead = blob + 1 + _prefetched.Count; ahead < blobs.Length && _prefetched.Count < s_prefetch; ahead++)
        {
            var id = blobs[ahead];
            _prefetched.Enqueue((ahead, Task.Run(() => reader.LoadBlobAsync(id, BlobType.Data, basis, token, pooled: true), token)));
        }
    }

    private void DropPrefetched()
    {
        if (_prefetched.Count == 0)
        {
            return;
        }

        _prefetchCancellation?.Cancel();
        _prefetchCancellation?.Dispose();
        _prefetchCancellation = null;
        while (_prefetched.TryDequeue(out var dropped))
        {
            // Observed, so that a failure of a load nobody waits for is not reported as unobserved; a load that
            // finished anyway gives its buffer back.
            _ = dropped.Load.ContinueWith(
                static task =>
                {
                    if (task.IsCompletedSuccessfully)
                    {
                        ResticRepositoryReader.ReturnPooled(task.Result.Plaintext, task.Result.Length);
                    }

                    _ = task.Exception;
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }
    }

    // The current blob's buffer goes back to the pool before another blob takes its place (or the stream closes).
    private void ReleaseCurrent()
    {
        if (_currentData.Length > 0)
        {
            ResticRepositoryReader.ReturnPooled(_currentData, _currentLength);
        }

        _currentData = [];
        _currentLength = 0;
        _current = -1;
    }
}
