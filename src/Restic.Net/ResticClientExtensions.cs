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
}
