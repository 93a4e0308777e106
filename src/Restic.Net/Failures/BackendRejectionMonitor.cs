using Restic.Net.Output;

namespace Restic.Net.Failures;

/// <summary>
/// Stops restic at its first retry notice for an error that retrying cannot fix (credentials the backend refuses, a
/// certificate restic cannot verify, a backend that cannot be reached while restic opens the repository). restic 0.18 retries those for up to 15 minutes without any other output, so
/// without this a wrong S3 key would look like a hang. Forwards every line.
/// </summary>
internal sealed class BackendRejectionMonitor(IResticOutputSink inner, CancellationTokenSource stop) : IResticOutputSink
{
    private readonly Lock _gate = new();
    private BackendRejectionKind _kind;
    private string? _notice;
    private string? _error;

    /// <summary>The rejection that made the monitor stop restic, or <see cref="BackendRejectionKind.None"/>.</summary>
    public BackendRejectionKind Kind
    {
        get
        {
            lock (_gate)
            {
                return _kind;
            }
        }
    }

    /// <summary>restic's retry notice (unredacted; the caller redacts it) and the error it names.</summary>
    public (string Notice, string Error) Rejection
    {
        get
        {
            lock (_gate)
            {
                return (_notice ?? string.Empty, _error ?? string.Empty);
            }
        }
    }

    public void OnStandardOutputLine(ReadOnlySpan<byte> line) => inner.OnStandardOutputLine(line);

    public void OnStandardErrorLine(string line)
    {
        var kind = BackendRejection.ClassifyRetryNotice(line, out var error);
        if (kind != BackendRejectionKind.None)
        {
            var first = false;
            lock (_gate)
            {
                if (_kind == BackendRejectionKind.None)
                {
                    (_kind, _notice, _error, first) = (kind, line, error, true);
                }
            }

            if (first)
            {
                // Not inline: cancellation callbacks (SIGINT) must not run on the thread that reads restic's stderr.
                _ = stop.CancelAsync();
            }
        }

        inner.OnStandardErrorLine(line);
    }
}
