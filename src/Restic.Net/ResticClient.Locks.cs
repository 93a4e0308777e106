using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Output;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual async Task<RepositoryInfo> GetConfigAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var reader = await _native.GetAsync(cancellationToken).ConfigureAwait(false);
        return reader is null
            ? await ReadConfigAsync(cancellationToken).ConfigureAwait(false)
            : await reader.GetConfigAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs <c>restic list locks</c> and then <c>restic cat lock</c> for every lock, all without
    /// taking a lock. A lock that disappears in between (its holder finished) is left out.
    /// </remarks>
    public virtual Task<IReadOnlyList<ResticLock>> GetLocksAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _executor.Locks.GetLocksAsync(cancellationToken);
    }

    /// <summary>The repository config (<c>cat config</c>): the one source of the id, format version and chunker polynomial on every version.</summary>
    private async Task<RepositoryInfo> ReadConfigAsync(CancellationToken cancellationToken)
    {
        var (run, output) = await RunBufferedAsync(ResticCommands.CatConfig(), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return ParseConfig(run, output);
    }

    private RepositoryInfo ParseConfig(ResticRun run, BufferingSink output)
    {
        var config = ParseDocument(run, output, ResticJsonContext.Default.ConfigDto);
        return new RepositoryInfo { Id = config.Id ?? string.Empty, Version = config.Version, ChunkerPolynomial = config.ChunkerPolynomial ?? string.Empty, Location = _executor.RepositoryName };
    }

    /// <summary>Runs <c>unlock</c> and reports the locks that existed before and not after it.</summary>
    private async Task<UnlockResult> UnlockAndCompareAsync(UnlockOptions options, CancellationToken cancellationToken)
    {
        var before = await GetLocksAsync(cancellationToken).ConfigureAwait(false);
        var (run, _) = await RunBufferedAsync(ResticCommands.Unlock(options), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);

        // Nothing to remove means nothing removed: save the second listing.
        var remaining = before.Count == 0 ? [] : (await _executor.Locks.ListLockIdsAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var removed = before.Where(l => !remaining.Contains(l.Id)).ToArray();
        // restic's own count ("successfully removed N locks") is not read: 0.14 prints none, 0.19+ prints nothing with
        // --json, and where it prints one it is the length of this list (or, in a race, of a list nobody can see).
        return new UnlockResult { Removed = removed };
    }
}
