namespace Restic.Net;

/// <summary>A lock in the repository, as restic stored it (<c>restic cat lock</c>).</summary>
public sealed record ResticLock
{
    /// <summary>The lock's storage id (64 hex characters).</summary>
    public required string Id { get; init; }

    /// <summary>When the lock was created or last refreshed (restic refreshes its locks every 5 minutes), with the writer's offset.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>
    /// How old the lock was when it was read: the client's clock (its <see cref="TimeProvider"/>) minus
    /// <see cref="Time"/>; zero if the writer's clock is ahead. restic treats a lock older than 30 minutes as stale.
    /// </summary>
    public TimeSpan Age { get; init; }

    /// <summary>Whether the lock is exclusive (check, forget, prune, ...) rather than shared (backup, restore, ...).</summary>
    public bool IsExclusive { get; init; }

    /// <summary>The host name of the process that holds the lock.</summary>
    public string HostName { get; init; } = string.Empty;

    /// <summary>The user name of the process that holds the lock.</summary>
    public string UserName { get; init; } = string.Empty;

    /// <summary>The process id of the holder, on <see cref="HostName"/>.</summary>
    public int Pid { get; init; }

    /// <summary>The holder's user id; 0 (root) also when restic did not record one (Windows).</summary>
    public uint Uid { get; init; }

    /// <summary>The holder's group id; 0 (root) also when restic did not record one (Windows).</summary>
    public uint Gid { get; init; }
}
