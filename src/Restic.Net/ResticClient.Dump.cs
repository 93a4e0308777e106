using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Output;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    /// <remarks>
    /// The bytes are written to <paramref name="destination"/> as restic produces them; if restic
    /// fails halfway, what was written stays there and the typed exception is thrown. If writing to
    /// <paramref name="destination"/> fails, restic is stopped gracefully and that failure is rethrown.
    /// </remarks>
    public virtual async Task DumpAsync(SnapshotReference snapshot, string path, Stream destination, DumpOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.Snapshot(snapshot, allowSubfolder: true);
        Guard.NotNullOrEmptyNoNul(path);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        options ??= new DumpOptions();
        options.Validate();
        if (options.Filter is { } filter)
        {
            Guard.Filter(filter);
        }

        if (options.Archive is null && await DumpNativeAsync(snapshot, path, destination, options, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await RequireSubfolderSyntaxAsync(snapshot, cancellationToken).ConfigureAwait(false);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var guard = new GuardedDestination(destination, interrupt);
        var command = ResticCommands.Dump(snapshot, path, options) with { StandardOutput = guard };
        ResticRun run;
        try
        {
            run = await _executor.RunAsync(command, NullSink.Instance, interrupt.Token, null, () => guard.HasData).ConfigureAwait(false);
        }
        catch (Exception) when (guard.Failure is not null)
        {
            // restic was interrupted because the destination failed: that failure is the cause.
            guard.Failure.Throw();
            throw;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }

        guard.Failure?.Throw();
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
    }

    /// <inheritdoc />
    /// <remarks>
    /// With native reads a file is opened in the repository directly and the stream is seekable; a folder (an
    /// archive) and every read without native reads run restic, and the stream is filled as restic writes.
    /// </remarks>
    public virtual async Task<Stream> OpenDumpAsync(SnapshotReference snapshot, string path, DumpOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.Snapshot(snapshot, allowSubfolder: true);
        Guard.NotNullOrEmptyNoNul(path);
        options ??= new DumpOptions();
        options.Validate();
        if (options.Filter is { } filter)
        {
            Guard.Filter(filter);
        }

        if (options.Archive is null && await OpenNativeAsync(snapshot, path, options, cancellationToken).ConfigureAwait(false) is { } file)
        {
            return file;
        }

        return await Input.ProducerStream.StartAsync((destination, token) => DumpAsync(snapshot, path, destination, options, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a file through the native reader; null when there is none or the path is not a file (restic makes an archive).</summary>
    private async Task<Stream?> OpenNativeAsync(SnapshotReference snapshot, string path, DumpOptions options, CancellationToken cancellationToken) =>
        await _native.GetAsync(cancellationToken).ConfigureAwait(false) is { } reader
            ? await reader.TryOpenFileAsync(snapshot, path, options.Filter, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Copies a file through the native reader; false when there is none or the path is not a file (restic makes an archive).</summary>
    private async Task<bool> DumpNativeAsync(SnapshotReference snapshot, string path, Stream destination, DumpOptions options, CancellationToken cancellationToken)
    {
        if (await OpenNativeAsync(snapshot, path, options, cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return false;
        }

        await using (file.ConfigureAwait(false))
        {
            await file.CopyToAsync(destination, 1 << 20, cancellationToken).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
