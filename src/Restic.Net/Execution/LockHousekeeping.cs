using System.Net;
using System.Net.Sockets;
using System.Text;
using Restic.Net.Diagnostics;
using Restic.Net.Serialization;

namespace Restic.Net.Execution;

/// <summary>
/// Finds and removes locks for the client: which locks a killed restic left behind, the lock an
/// interrupted restic before 0.18 can leave, and the opt-in removal of stale locks through
/// <c>restic unlock</c> (which removes only what restic itself calls stale), logging exactly what was
/// removed.
/// </summary>
internal sealed class LockHousekeeping(ResticExecutor executor)
{
    /// <summary>
    /// How long the housekeeping after a cancellation may delay the caller's <see cref="OperationCanceledException"/>:
    /// it runs after the caller gave up, so it is short (2 to 4 restic runs of about 0.6 s on a reachable
    /// backend). A backend that hangs cuts it off, and the failure is logged (<c>LockHousekeepingFailed</c>).
    /// </summary>
    public static readonly TimeSpan AfterCancelBudget = TimeSpan.FromSeconds(10);
    private static readonly Lazy<string> s_hostName = new(FullHostName);

    /// <summary>After a kill: logs the locks of the killed pid on this host, and removes stale locks if the policy allows.</summary>
    public async Task AfterKillAsync(int processId)
    {
        using var budget = new CancellationTokenSource(AfterCancelBudget);
        try
        {
            foreach (var held in await GetLocksAsync(budget.Token).ConfigureAwait(false))
            {
                if (held.Pid == processId && IsThisHost(held.Hostname))
                {
                    Log.LockLeftBehind(executor.Logger, held.Id, executor.RepositoryName, processId, held.Hostname, held.IsExclusive, held.Time);
                }
            }

            if (executor.Settings.RemoveStaleLocks)
            {
                await RemoveStaleLocksAsync(budget.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is ResticException or OperationCanceledException)
        {
            Log.LockHousekeepingFailed(executor.Logger, executor.RepositoryName, ex.Message);
        }
    }

    /// <summary>
    /// After a graceful stop (restic exited after SIGINT) of a command that takes a lock, on restic
    /// before 0.18: restic interrupted right after it created its lock file exits without removing
    /// it. If a lock of the exited pid on this host is in the repository, it is removed. restic has no
    /// command that removes one lock; <c>restic unlock</c> removes every stale lock, and this one is
    /// stale to restic (its pid no longer runs on this host), so <c>unlock</c> is used, and every lock
    /// it removed is logged. Never throws: failures are logged.
    /// </summary>
    public async Task AfterInterruptAsync(int processId, string operation)
    {
        using var budget = new CancellationTokenSource(AfterCancelBudget);
        try
        {
            var locks = await GetLocksAsync(budget.Token).ConfigureAwait(false);
            var left = locks.Where(l => l.Pid == processId && IsThisHost(l.Hostname)).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            if (left.Count == 0)
            {
                return;
            }

            var removed = await UnlockAsync(locks.Select(l => l.Id).ToArray(), budget.Token).ConfigureAwait(false);
            foreach (var id in removed)
            {
                if (left.Contains(id))
                {
                    Log.InterruptedLockRemoved(executor.Logger, id, operation, processId, executor.RepositoryName);
                }
                else
                {
                    Log.StaleLockRemoved(executor.Logger, id, executor.RepositoryName);
                }
            }

            foreach (var id in left.Except(removed, StringComparer.Ordinal))
            {
                Log.LockHousekeepingFailed(executor.Logger, executor.RepositoryName, $"restic unlock did not remove lock {id} of the interrupted restic (pid {processId})");
            }
        }
        catch (Exception ex) when (ex is ResticException or OperationCanceledException)
        {
            Log.LockHousekeepingFailed(executor.Logger, executor.RepositoryName, ex.Message);
        }
    }

    /// <summary>Runs <c>restic unlock</c> and returns the ids of the locks it removed (a diff of the lock list before and after).</summary>
    public async Task<IReadOnlyList<string>> RemoveStaleLocksAsync(CancellationToken cancellationToken)
    {
        var before = await ListLockIdsAsync(cancellationToken).ConfigureAwait(false);
        if (before.Count == 0)
        {
            return [];
        }

        var removed = await UnlockAsync(before, cancellationToken).ConfigureAwait(false);
        foreach (var id in removed)
        {
            Log.StaleLockRemoved(executor.Logger, id, executor.RepositoryName);
        }

        return removed;
    }

    /// <summary>
    /// Every lock with its holder: <c>restic list locks</c>, then <c>restic cat lock</c> per lock, all
    /// without taking a lock. A lock released in between is left out.
    /// </summary>
    public async Task<IReadOnlyList<ResticLock>> GetLocksAsync(CancellationToken cancellationToken)
    {
        var ids = await ListLockIdsAsync(cancellationToken).ConfigureAwait(false);
        var locks = new List<ResticLock>(ids.Count);
        foreach (var id in ids)
        {
            if (await ReadLockAsync(id, cancellationToken).ConfigureAwait(false) is { } found)
            {
                locks.Add(found);
            }
        }

        return locks;
    }

    /// <summary>The ids of the locks in the repository (<c>restic list locks</c>).</summary>
    public async Task<IReadOnlyList<string>> ListLockIdsAsync(CancellationToken cancellationToken)
    {
        var output = new BufferingSink();
        await executor.RunAsync(ResticCommands.ListLockIds(), output, cancellationToken).ConfigureAwait(false);
        return TextOutput.ParseIds(output.StandardOutputLines);
    }

    /// <summary>Runs <c>restic unlock</c> (stale locks only) and returns the ids of <paramref name="before"/> that are gone afterwards.</summary>
    private async Task<IReadOnlyList<string>> UnlockAsync(IReadOnlyList<string> before, CancellationToken cancellationToken)
    {
        await executor.RunAsync(ResticCommands.Unlock(new UnlockOptions()), new BufferingSink(), cancellationToken).ConfigureAwait(false);
        var after = await ListLockIdsAsync(cancellationToken).ConfigureAwait(false);
        return before.Except(after, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Whether restic wrote this host name: Go's <c>os.Hostname()</c>, the full host name. On Linux
    /// <see cref="Environment.MachineName"/> stops at the first dot, so the full name comes from
    /// <see cref="Dns.GetHostName"/> (which asks no DNS server).
    /// </summary>
    private static bool IsThisHost(string hostname) =>
        string.Equals(hostname, s_hostName.Value, StringComparison.Ordinal) ||
        string.Equals(hostname, Environment.MachineName, StringComparison.Ordinal);

    private static string FullHostName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (SocketException)
        {
            return Environment.MachineName;
        }
    }

    private async Task<ResticLock?> ReadLockAsync(string id, CancellationToken cancellationToken)
    {
        var output = new BufferingSink();
        try
        {
            await executor.RunAsync(ResticCommands.CatLock(id), output, cancellationToken).ConfigureAwait(false);
        }
        catch (ResticCommandException)
        {
            // Released between list and cat: the lock file no longer exists.
            return null;
        }

        try
        {
            return Projections.ToLock(ResticJson.DeserializeDocument(output.StandardOutput, ResticJsonContext.Default.LockDto), id, executor.Time.GetUtcNow());
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ResticOutputException(
                $"restic cat lock printed no valid lock: {ex.Message}", 0, null, null, ex, executor.Settings.Redactor.Redact(Encoding.UTF8.GetString(output.StandardOutput)));
        }
    }
}
