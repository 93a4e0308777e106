namespace Restic.Net;

/// <summary>The result of <c>forget</c>: per group of snapshots, what was kept, what was removed and why.</summary>
public sealed record ForgetResult
{
    /// <summary>The snapshot groups (by default one per host and path set).</summary>
    public IReadOnlyList<ForgetGroup> Groups { get => field ?? ValueList<ForgetGroup>.Empty; init => field = ValueList.Of(value, nameof(Groups)); }

    /// <summary>Whether nothing was removed because this was a dry run.</summary>
    public bool IsDryRun { get; init; }

    /// <summary>
    /// The result of the prune that followed, when <see cref="ForgetOptions.Prune"/> was set and
    /// restic pruned (it does only when snapshots were removed); otherwise null.
    /// </summary>
    public PruneResult? Prune { get; init; }

    /// <summary>
    /// False when restic could not remove some of the snapshots the policy chose (for example on an
    /// append-only server): they are listed in <see cref="NotRemoved"/> and still exist. restic 0.19+
    /// exits with code 3 then; older versions exit 0, and the client reports the same result on both.
    /// </summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>The snapshots of <see cref="Removed"/> that restic could not remove (full ids).</summary>
    public IReadOnlyList<SnapshotId> NotRemoved { get => field ?? ValueList<SnapshotId>.Empty; init => field = ValueList.Of(value, nameof(NotRemoved)); }

    /// <summary>All snapshots kept, over all groups.</summary>
    public IReadOnlyList<Snapshot> Kept => Groups.SelectMany(g => g.Keep).ToList();

    /// <summary>
    /// All snapshots the policy removed (or, in a dry run, would remove), over all groups; those restic
    /// failed to remove are also in <see cref="NotRemoved"/>.
    /// </summary>
    public IReadOnlyList<Snapshot> Removed => Groups.SelectMany(g => g.Remove).ToList();
}
