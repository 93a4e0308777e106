using Restic.Net.Repository.Index;

namespace Restic.Net.Repository.Files;

/// <summary>
/// A file of a snapshot as a seekable, read-only stream over its data blobs. Keeps the current blob and
/// loads the next one in the background while the current one is read, so that decryption overlaps
/// with the consumer's work.
/// </summary>
internal sealed class SnapshotFileStream(ResticRepositoryReader reader, BlobId[] blobs, long[] ends) : Stream
{
    private long _position;
    private int _current = -1;
    private byte[] _currentData = [];
    private int _nextIndex = -1;
    private Task<(byte[] Plaintext, string Pack)>? _next;
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
        var rented = new byte[buffer.Length];
        var read = ReadAsync(rented, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        rented.AsSpan(0, read).CopyTo(buffer);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var total = 0;
        while (buffer.Length > 0 && _position < Length)
        {
            var blob = BlobAt(_position);
            await LoadAsync(blob, cancellationToken).ConfigureAwait(false);
            var start = blob == 0 ? 0 : ends[blob - 1];
            var from = (int)(_position - start);
            var count = Math.Min(buffer.Length, _currentData.Length - from);
            _currentData.AsMemory(from, count).CopyTo(buffer);
            buffer = buffer[count..];
            _position += count;
            total += count;
        }

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
            _prefetchCancellation?.Cancel();
            _prefetchCancellation?.Dispose();
            _next?.ContinueWith(static task => _ = task.Exception, TaskScheduler.Default);
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

        if (blob == _nextIndex && _next is { } next)
        {
            _next = null;
            _currentData = (await next.WaitAsync(cancellationToken).ConfigureAwait(false)).Plaintext;
        }
        else
        {
            _currentData = (await reader.LoadBlobAsync(blobs[blob], BlobType.Data, cancellationToken).ConfigureAwait(false)).Plaintext;
        }

        _current = blob;
        if (blob + 1 < blobs.Length && _next is null)
        {
            _prefetchCancellation ??= new CancellationTokenSource();
            _nextIndex = blob + 1;
            var token = _prefetchCancellation.Token;
            _next = Task.Run(() => reader.LoadBlobAsync(blobs[blob + 1], BlobType.Data, token), token);
        }
    }
}
