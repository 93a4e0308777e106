namespace Restic.Net;

/// <summary>The result of <c>forget</c>: per group of snapshots, what was kept, what was removed and why.</summary>
public sealed record ForgetResult
{
    /// <summary>The snapshot groups (by default one per host and path set).</summary>
    public IReadOnlyList<ForgetGroup> Groups { get; init; } = [];

    /// <summary>Whether nothing was removed because this was a dry run.</summary>
    public bool IsDryRun { get; init; }

    /// <summary>
    /// The result of the prune that followed, when <see cref="ForgetOptions.Prune"/> was set and
    /// restic pruned (it does only when snapshots were removed); otherwise null.
    /// </summary>
    public PruneResult? Prune { get; init; }

    /// <summary>All snapshots kept, over all groups.</summary>
    public IReadOnlyList<Snapshot> Kept => Groups.SelectMany(g => g.Keep).ToList();

    /// <summary>All snapshots removed (or, in a dry run, to be removed), over all groups.</summary>
    public IReadOnlyList<Snapshot> Removed => Groups.SelectMany(g => g.Remove).ToList();
}
