using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Diagnostics;
using Restic.Net.Execution;
using Restic.Net.Output;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net.Locks;

/// <summary>
/// Finds and removes locks for the client: which locks a killed, stopped or interrupted restic left
/// behind (checked again once the backend answers), the lock an interrupted restic before 0.18 can
/// leave, and the opt-in removal of stale locks through
/// <c>restic unlock</c> (which removes only what restic itself calls stale), logging exactly what was
/// removed.
/// </summary>
internal sealed partial class LockHousekeeping(ResticExecutor executor)
{
    /// <summary>
    /// How long the housekeeping after a cancellation may delay the caller's <see cref="OperationCanceledException"/>:
    /// it runs after the caller gave up, so it is short (2 to 4 restic runs of about 0.6 s on a reachable
    /// backend). A backend that hangs cuts it off, and the failure is logged (<c>LockHousekeepingFailed</c>).
    /// </summary>
    public static readonly TimeSpan AfterCancelBudget = TimeSpan.FromSeconds(10);
    private static readonly Lazy<string> s_hostName = new(FullHostName);
    private readonly ConcurrentDictionary<int, AbnormalEnd> _pending = new();

    /// <summary>Whether a run's lock could not be checked yet (the backend was unreachable).</summary>
    public bool HasPendingChecks => !_pending.IsEmpty;

    /// <summary>
    /// After a lock-taking run that did not end by itself. A killed restic cannot remove its lock; an
    /// interrupted one removes it, except restic before 0.18 right after creating it, and any version
    /// whose backend refused the removal (it says so on stderr). In those cases the repository is
    /// checked for a lock of the pid on this host: found, it is logged (<c>LockLeftBehind</c>) and, with
    /// the policy, removed; the lock of an interrupted restic before 0.18 is removed always. When the
    /// backend cannot be reached, the check waits for the next successful command (<c>LockCheckPending</c>).
    /// Bounded by <see cref="AfterCancelBudget"/>; never throws.
    /// </summary>
    public async Task AfterAbnormalEndAsync(AbnormalEnd end)
    {
        var unremoved = UnremovedLocks(end.StandardErrorTail);
        var removeInterrupted = false;
        if (!end.Killed && unremoved.Count == 0)
        {
            if (end.InterruptRemovesLock)
            {
                return;
            }

            removeInterrupted = true;
        }

        using var budget = new CancellationTokenSource(AfterCancelBudget);
        IReadOnlyList<ResticLock> locks;
        try
        {
            locks = await GetLocksAsync(budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ResticException or OperationCanceledException)
        {
            _pending[end.ProcessId] = end;
            var reason = ex is OperationCanceledException ? $"no answer within {AfterCancelBudget.TotalSeconds:0} s" : FirstLine(ex.Message);
            if (unremoved.Count > 0)
            {
                reason += "; restic said it could not remove lock " + string.Join(", ", unremoved);
            }

            Log.LockCheckPending(executor.Logger, end.Operation, end.ProcessId, end.How, executor.RepositoryName, reason);
            return;
        }

        await ReportAsync(end, locks, removeInterrupted, end.Killed && executor.Settings.RemoveStaleLocks, budget.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// After a successful command: the checks that could not reach the backend before. Each run is
    /// reported once; while the backend still cannot be listed, they stay pending. Never throws.
    /// </summary>
    public async Task CheckPendingAsync()
    {
        using var budget = new CancellationTokenSource(AfterCancelBudget);
        IReadOnlyList<ResticLock> locks;
        try
        {
            locks = await GetLocksAsync(budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ResticException or OperationCanceledException)
        {
            Log.LockHousekeepingFailed(executor.Logger, executor.RepositoryName, ex.Message);
            return;
        }

        foreach (var pid in _pending.Keys)
        {
            if (_pending.TryRemove(pid, out var end))
            {
                await ReportAsync(end, locks, removeInterrupted: false, executor.Settings.RemoveStaleLocks, budget.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Logs (and removes, when asked) the locks of the ended run's pid on this host.</summary>
    private async Task ReportAsync(AbnormalEnd end, IReadOnlyList<ResticLock> locks, bool removeInterrupted, bool removeStale, CancellationToken cancellationToken)
    {
        try
        {
            var left = locks.Where(l => l.Pid == end.ProcessId && IsThisHost(l.HostName)).ToArray();
            if (removeInterrupted)
            {
                if (left.Length > 0)
                {
                    await RemoveInterruptedAsync(end, locks, left, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            foreach (var held in left)
            {
                Log.LockLeftBehind(executor.Logger, end.Operation, end.ProcessId, end.How, held.Id, executor.RepositoryName, held.HostName, held.IsExclusive, held.Time);
            }

            if (removeStale)
            {
                await RemoveStaleLocksAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is ResticException or OperationCanceledException)
        {
            Log.LockHousekeepingFailed(executor.Logger, executor.RepositoryName, ex.Message);
        }
    }

    /// <summary>
    /// restic interrupted right after it created its lock file (before 0.18) exits without removing it.
    /// restic has no command that removes one lock; <c>restic unlock</c> removes every stale lock, and
    /// this one is stale to restic (its pid no longer runs on this host), so <c>unlock</c> is used, and
    /// every lock it removed is logged.
    /// </summary>
    private async Task RemoveInterruptedAsync(AbnormalEnd end, IReadOnlyList<ResticLock> locks, IReadOnlyList<ResticLock> left, CancellationToken cancellationToken)
    {
        var leftIds = left.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var removed = await UnlockAsync(locks.Select(l => l.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var id in removed)
        {
            if (leftIds.Contains(id))
            {
                Log.InterruptedLockRemoved(executor.Logger, id, end.Operation, end.ProcessId, executor.RepositoryName);
            }
            else
            {
                Log.StaleLockRemoved(executor.Logger, id, executor.RepositoryName);
            }
        }

        foreach (var id in leftIds.Except(removed, StringComparer.Ordinal))
        {
            Log.LockHousekeepingFailed(executor.Logger, executor.RepositoryName, $"restic unlock did not remove lock {id} of the interrupted restic (pid {end.ProcessId})");
        }
    }

    /// <summary>
    /// The locks restic said it could not remove: "Remove(&lt;lock/f3d5ce6052&gt;) returned error, retrying…"
    /// (every version), or the lock URL in 0.14's "error in cleanup handler".
    /// </summary>
    internal static IReadOnlyList<string> UnremovedLocks(IReadOnlyList<string> standardErrorTail)
    {
        var ids = new List<string>();
        foreach (var line in standardErrorTail)
        {
            var match = UnremovedLock().Match(line);
            if (match.Success)
            {
                var id = match.Groups["short"].Success ? match.Groups["short"].Value : match.Groups["full"].Value;
                if (!ids.Exists(known => known.StartsWith(id, StringComparison.Ordinal) || id.StartsWith(known, StringComparison.Ordinal)))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    [GeneratedRegex(@"Remove\(<lock/(?<short>[0-9a-f]{6,64})>\) returned error|error in cleanup handler: .*/locks/(?<full>[0-9a-f]{64})", RegexOptions.CultureInvariant)]
    private static partial Regex UnremovedLock();

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
        var run = await executor.RunAsync(ResticCommands.ListLockIds(), output, cancellationToken).ConfigureAwait(false);
        try
        {
            return TextOutput.ParseIds(output.StandardOutputLines);
        }
        catch (FormatException ex)
        {
            // A cut or foreign line must not read as "no locks": callers remove or report locks by this list.
            throw new ResticOutputException(
                $"restic list locks printed no valid {ex.Message}.", run.ExitCode, run.CommandLine, run.StandardError, ex,
                executor.Settings.Redactor.Redact(string.Join('\n', output.StandardOutputLines)));
        }
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
        catch (ResticCommandException ex) when (ex.GetType() == typeof(ResticCommandException))
        {
            // Released between list and cat: restic has no type for a missing lock file ("no such file or directory").
            // Its refinements (an unreachable backend, a wrong password) say the locks could not be read: they propagate.
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
