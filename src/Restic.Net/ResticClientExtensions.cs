namespace Restic.Net;

/// <summary>Convenience overloads over <see cref="IResticClient"/>.</summary>
public static class ResticClientExtensions
{
    /// <summary>Backs up the given files and folders with default options.</summary>
    /// <param name="client">The client.</param>
    /// <param name="paths">The files and folders.</param>
    /// <returns>The summary.</returns>
    public static Task<BackupSummary> BackupAsync(this IResticClient client, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.BackupAsync(new BackupOptions(paths));
    }

    /// <summary>Restores the latest snapshot into a folder.</summary>
    /// <param name="client">The client.</param>
    /// <param name="target">The folder to restore into.</param>
    /// <param name="cancellationToken">Cancels the restore gracefully.</param>
    /// <returns>The summary.</returns>
    public static Task<RestoreSummary> RestoreLatestAsync(this IResticClient client, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.RestoreAsync(new RestoreOptions("latest", target), null, cancellationToken);
    }

    /// <summary>Applies a retention policy and prunes the repository in one call (<c>forget --prune</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="policy">The policy; <see cref="RetentionPolicy.Default"/> for the ops-console default.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>What was kept and removed, and the prune statistics.</returns>
    public static Task<ForgetResult> ForgetAndPruneAsync(this IResticClient client, RetentionPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ForgetAsync(new ForgetOptions(policy) { Prune = true }, cancellationToken);
    }

    /// <summary>
    /// Opens a file of a snapshot, or an archive of a folder, as a readable stream (<c>restic dump</c>).
    /// restic runs while the stream is read, paced by the reader; reaching the end awaits restic's exit
    /// and throws its typed exception if it failed, so a stream read to the end without an exception
    /// is complete. Disposing the stream early stops restic gracefully.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="snapshot"><c>latest</c> or a snapshot id, optionally with <c>:subfolder</c> (restic 0.16+).</param>
    /// <param name="path">The absolute path of the file or folder inside the snapshot.</param>
    /// <param name="options">The archive format and the filter for <c>latest</c>; null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the dump gracefully, also while the stream is being read.</param>
    /// <returns>The stream, once restic produced its first bytes or ended; a dump that fails at once throws here.</returns>
    public static Task<Stream> OpenDumpAsync(this IResticClient client, string snapshot, string path, DumpOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Execution.ProducerStream.StartAsync((destination, token) => client.DumpAsync(snapshot, path, destination, options, token), cancellationToken);
    }
}
