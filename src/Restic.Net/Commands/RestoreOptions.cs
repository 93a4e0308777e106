namespace Restic.Net;

/// <summary>Options of a restore.</summary>
public sealed record RestoreOptions
{
    /// <summary>Creates restore options.</summary>
    /// <param name="snapshot">The snapshot: <c>latest</c>, a full or short id, or (restic 0.16+) <c>id:subfolder</c>.</param>
    /// <param name="target">The folder to restore into; created if missing.</param>
    /// <exception cref="ArgumentException">
    /// The snapshot is not <c>latest</c> or a hex id (optionally with <c>:subfolder</c>), or the target is empty or contains a NUL character.
    /// </exception>
    public RestoreOptions(string snapshot, string target)
    {
        Guard.SnapshotReference(snapshot);
        Guard.NotNullOrEmptyNoNul(target);
        Snapshot = snapshot;
        Target = target;
    }

    /// <summary>Creates restore options for a snapshot id.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="target">The folder to restore into.</param>
    public RestoreOptions(SnapshotId snapshot, string target)
        : this(snapshot.Value, target)
    {
    }

    /// <summary>The snapshot to restore.</summary>
    public string Snapshot { get; }

    /// <summary>The folder to restore into.</summary>
    public string Target { get; }

    /// <summary>Restores only paths matching these patterns (<c>--include</c>).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>Does not restore paths matching these patterns (<c>--exclude</c>).</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>Reads the restored files back and compares them (<c>--verify</c>).</summary>
    public bool Verify { get; init; }

    /// <summary>Only snapshots of these hosts are considered for <c>latest</c>.</summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>
    /// Restores file ownership by user and group name instead of numeric ids (<c>--ownership-by-name</c>,
    /// restic 0.19+, Unix), for a machine whose ids differ from the backup host's. Older versions throw
    /// <see cref="ResticNotSupportedException"/>.
    /// </summary>
    public bool OwnershipByName { get; init; }

    /// <summary>
    /// Reports a <see cref="RestoreFileEvent"/> per file (restic 0.17+, <c>--verbose=2</c>).
    /// Off by default; ignored on older versions, which do not report files.
    /// </summary>
    public bool IncludeFileEvents { get; init; }

    internal void Validate()
    {
        SnapshotFilter.RejectLatest(Filter, nameof(Filter));
        Guard.Items(Includes);
        Guard.Items(Excludes);
    }
}
