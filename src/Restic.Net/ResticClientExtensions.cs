using Restic.Net.Input;

namespace Restic.Net;

/// <summary>Convenience overloads over <see cref="IResticClient"/>.</summary>
public static class ResticClientExtensions
{
    /// <summary>Restores the latest snapshot into a folder.</summary>
    /// <param name="client">The client.</param>
    /// <param name="target">The folder to restore into.</param>
    /// <param name="cancellationToken">Cancels the restore gracefully.</param>
    /// <returns>The summary.</returns>
    public static Task<RestoreSummary> RestoreLatestAsync(this IResticClient client, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.RestoreAsync(SnapshotReference.Latest, target, null, null, cancellationToken);
    }

    /// <summary>Applies a retention policy and prunes the repository in one call (<c>forget --prune</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="policy">The policy; <see cref="RetentionPolicy.Default"/> keeps 7 daily, 4 weekly, 6 monthly and 2 yearly snapshots.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>What was kept and removed, and the prune statistics.</returns>
    public static Task<ForgetResult> ForgetAndPruneAsync(this IResticClient client, RetentionPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ForgetAsync(policy, new ForgetOptions { Prune = true }, cancellationToken);
    }

    /// <summary>
    /// Compares two snapshots (<c>restic diff</c>) and returns every change with restic's totals at once: the Task
    /// sibling of <see cref="IResticClient.StreamDiffAsync"/>, as <see cref="IResticClient.BackupAsync"/> is of
    /// <see cref="IResticClient.StreamBackupAsync"/>. It holds every change in memory; stream large comparisons instead.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="firstSnapshot">The snapshot compared from.</param>
    /// <param name="secondSnapshot">The snapshot compared to.</param>
    /// <param name="options">Options, or null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the comparison gracefully.</param>
    /// <returns>The changes and the totals.</returns>
    /// <exception cref="ResticOutputException">restic ended without its totals.</exception>
    public static async Task<DiffResult> DiffAsync(this IResticClient client, SnapshotReference firstSnapshot, SnapshotReference secondSnapshot, DiffOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var changes = new List<DiffChange>();
        DiffStatistics? statistics = null;
        await foreach (var item in client.StreamDiffAsync(firstSnapshot, secondSnapshot, options, cancellationToken).ConfigureAwait(false))
        {
            switch (item)
            {
                case DiffChangeEvent { Change: var change }:
                    changes.Add(change);
                    break;
                case DiffCompletedEvent { Statistics: var totals }:
                    statistics = totals;
                    break;
            }
        }

        // The client's own stream always ends with the totals; a fake or decorator that does not is a broken stream.
        return statistics is null
            ? throw new ResticOutputException("The diff ended without its totals (no DiffCompletedEvent): the stream was incomplete.", null, null, null)
            : new DiffResult { Changes = changes, Statistics = statistics };
    }

    /// <summary>
    /// Computes what a retention policy would remove, without removing anything: <c>forget --dry-run</c>,
    /// returned as a value (<see cref="ForgetResult.IsDryRun"/> is true).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="policy">Which snapshots to keep.</param>
    /// <param name="options">Grouping and filter; null for restic's defaults. <see cref="ForgetOptions.DryRun"/> is forced on.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>Per group, what would be kept and removed, and why.</returns>
    public static Task<ForgetResult> PlanForgetAsync(this IResticClient client, RetentionPolicy policy, ForgetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ForgetAsync(policy, (options ?? new ForgetOptions()) with { DryRun = true }, cancellationToken);
    }

    /// <summary>
    /// Initializes the repository when there is none at the location, and returns its config either way:
    /// the call to make at start-up. A repository another process creates at the same moment is used.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="options">How to initialize, when the repository is missing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository's id, format version and chunker polynomial.</returns>
    /// <exception cref="ResticWrongPasswordException">A repository exists, and the password does not open it.</exception>
    public static async Task<RepositoryInfo> EnsureInitializedAsync(this IResticClient client, InitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetConfigAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ResticRepositoryNotFoundException)
        {
            // Missing: create it below.
        }

        try
        {
            return await client.InitAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ResticRepositoryAlreadyExistsException)
        {
            return await client.GetConfigAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Replaces the repository password safely: adds a key for <paramref name="newPassword"/>, checks that
    /// the new password opens the repository with that key, and only then removes the old key. If the
    /// check fails, the added key is removed again and the old password keeps working.
    /// </summary>
    /// <param name="client">The client, still configured with the old password; create a new client with the new one afterwards.</param>
    /// <param name="newPassword">The new password, as a value or a file.</param>
    /// <param name="cancellationToken">Cancels the rotation (before the old key is removed, nothing changes but a possibly added key).</param>
    /// <returns>The removed old key and the verified new key.</returns>
    public static async Task<PasswordRotation> ChangePasswordAsync(this IResticClient client, ResticPassword newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(newPassword);
        var keys = await client.GetKeysAsync(null, cancellationToken).ConfigureAwait(false);
        var old = keys.FirstOrDefault(k => k.IsCurrent) ?? throw new InvalidOperationException("restic named no current key.");
        var added = await client.AddKeyAsync(newPassword, null, cancellationToken).ConfigureAwait(false);
        RepositoryKey verified;
        try
        {
            var seen = await client.GetKeysAsync(newPassword, cancellationToken).ConfigureAwait(false);
            verified = seen.FirstOrDefault(k => k.IsCurrent && SameKey(k.Id, added.Id))
                ?? throw new InvalidOperationException($"The new password did not open the repository with the added key {added.Id}; the old password is unchanged.");
        }
        catch
        {
            // Leave the repository as it was: the old password still opens it.
            try
            {
                await client.RemoveKeyAsync(added.Id, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ResticException)
            {
                // The original failure matters more; the extra key is harmless.
            }

            throw;
        }

        await client.RemoveKeyAsync(old.Id, newPassword, cancellationToken).ConfigureAwait(false);
        return new PasswordRotation { OldKey = old, NewKey = verified };
    }

    private static bool SameKey(string a, string b) =>
        a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
}
