using Microsoft.Extensions.Logging;
using Restic.Net.Diagnostics;
using Restic.Net.Execution;

namespace Restic.Net.NativeReads;

/// <summary>
/// A client's native reader, opened on the first read that can use it and kept until the client is disposed
/// (one key derivation). Null when the client did not opt in or the factory cannot serve the repository; a
/// failed opening (wrong password, unreachable server) is thrown and tried again on the next read.
/// </summary>
/// <remarks>
/// <see cref="Dispose"/> disposes the reader, which zeroes the repository's master key and releases its
/// connection. An opening under way is cancelled by the client's disposal (a key derivation is abandoned) and a
/// reader that opens anyway is disposed at once.
/// </remarks>
internal sealed class NativeReadSession(
    IResticNativeReaderFactory? factory,
    ResticRepository repository,
    ResticPassword password,
    ClientLifetime lifetime,
    ILogger logger,
    TimeProvider time) : IDisposable
{
    // Its wait handle is never created, so it holds nothing to dispose (and a late waiter must not see it disposed).
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _location = repository.RedactedLocation;
    private IResticNativeReader? _reader;
    private bool _unsupported = factory is null;

    public async ValueTask<IResticNativeReader?> GetAsync(CancellationToken cancellationToken)
    {
        lifetime.ThrowIfDisposed();
        if (Volatile.Read(ref _reader) is { } reader)
        {
            return reader;
        }

        if (_unsupported)
        {
            return null;
        }

        using var opening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Stopping);
        try
        {
            return await OpenAsync(opening.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (opening.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw ClientLifetime.Interrupted(ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
    }

    /// <summary>Disposes the reader (zeroes the key, releases the connection). Idempotent and thread-safe.</summary>
    public void Dispose() => Interlocked.Exchange(ref _reader, null)?.Dispose();

    private async Task<IResticNativeReader?> OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_reader is not null || _unsupported)
            {
                return _reader;
            }

            if (!factory!.CanRead(repository, password))
            {
                return Unsupported();
            }

            var start = time.GetTimestamp();
            var opened = await factory.OpenAsync(repository, password, cancellationToken).ConfigureAwait(false);

            Volatile.Write(ref _reader, opened);

            // Disposal marks the client before it takes the reader: one of the two sees the other and disposes it.
            Interlocked.MemoryBarrier();
            if (lifetime.IsDisposed)
            {
                Dispose();
                lifetime.ThrowIfDisposed();
            }

            var elapsed = (long)time.GetElapsedTime(start).TotalMilliseconds;
            Log.NativeReaderOpened(logger, _location, elapsed);
            return opened;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IResticNativeReader? Unsupported()
    {
        _unsupported = true;
        Log.NativeReadsUnavailable(logger, _location);
        return null;
    }
}
