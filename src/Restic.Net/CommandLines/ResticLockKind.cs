namespace Restic.Net.CommandLines;

/// <summary>The repository lock a restic command takes (reference §14).</summary>
internal enum ResticLockKind
{
    /// <summary>No lock: init, unlock, version, cat config, list locks.</summary>
    None,

    /// <summary>A shared lock: backup, restore, snapshots, stats, ... Conflicts only with exclusive locks.</summary>
    Shared,

    /// <summary>An exclusive lock: forget, prune, check, ... Conflicts with any lock.</summary>
    Exclusive,
}
