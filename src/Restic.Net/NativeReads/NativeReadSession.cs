using Microsoft.Extensions.Logging;
using Restic.Net.Diagnostics;

namespace Restic.Net.NativeReads;

// The gate is a SemaphoreSlim whose wait handle is never created: it holds nothing to dispose, and the
// session lives as long as its client, which is not disposable.
#pragma warning disable CA1001
/// <summary>
/// A client's native reader, opened on the first read that can use it and kept for the client's lifetime
/// (one key derivation). Null when the client did not opt in or the factory cannot serve the repository; a
/// failed opening (wrong password, unreachable server) is thrown and tried again on the next read.
/// </summary>
internal sealed class NativeReadSession(IResticNativeReaderFactory? factory, ResticRepository repository, ResticPassword password, ILogger logger, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _location = repository.RedactedLocation;
    private IResticNativeReader? _reader;
    private bool _unsupported = factory is null;

    public async ValueTask<IResticNativeReader?> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _reader) is { } reader)
        {
            return reader;
        }

        if (_unsupported)
        {
            return null;
        }

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
            try
            {
                _reader = await factory.OpenAsync(repository, password, cancellationToken).ConfigureAwait(false);
            }
            catch (NotSupportedException)
            {
                return Unsupported();
            }

            var elapsed = (long)time.GetElapsedTime(start).TotalMilliseconds;
            Log.NativeReaderOpened(logger, _location, elapsed);
            return _reader;
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
#pragma warning restore CA1001
