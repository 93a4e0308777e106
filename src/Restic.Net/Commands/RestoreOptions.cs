namespace Restic.Net;

/// <summary>Options of a restore.</summary>
public sealed record RestoreOptions
{
    /// <summary>The snapshot to restore: the operation's required argument, set by the client.</summary>
    internal SnapshotReference Snapshot { get; init; }

    /// <summary>The folder to restore into: the operation's required argument, set by the client.</summary>
    internal string Target { get; init; } = string.Empty;

    /// <summary>Restores only paths matching these patterns (<c>--include</c>).</summary>
    public IReadOnlyList<string> Includes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Includes)); }

    /// <summary>Does not restore paths matching these patterns (<c>--exclude</c>).</summary>
    public IReadOnlyList<string> Excludes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Excludes)); }

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
    /// What to do with files that exist in the target already (<c>--overwrite</c>, restic 0.17+); null for
    /// restic's default, <see cref="RestoreOverwritePolicy.Always"/>. restic before 0.17 always overwrites:
    /// there, <see cref="RestoreOverwritePolicy.Always"/> is accepted (and no flag is passed) and any other
    /// policy throws <see cref="ResticNotSupportedException"/> before restic starts.
    /// </summary>
    public RestoreOverwritePolicy? Overwrite { get; init; }

    /// <summary>
    /// Reports a <see cref="RestoreFileEvent"/> per file (restic 0.17+, <c>--verbose=2</c>).
    /// Off by default; ignored on older versions, which do not report files.
    /// </summary>
    public bool IncludeFileEvents { get; init; }

    internal void Validate()
    {
        Guard.Items(Includes);
        Guard.Items(Excludes);
        if (Overwrite is { } overwrite)
        {
            Guard.NotNullOrEmptyNoNul(overwrite.Value, nameof(Overwrite));
        }
    }
}
