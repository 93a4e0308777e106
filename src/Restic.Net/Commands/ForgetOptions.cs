namespace Restic.Net;

/// <summary>Options of <c>forget</c>.</summary>
public sealed record ForgetOptions
{
    /// <summary>Which snapshots to keep: the operation's required argument, set by the client.</summary>
    internal RetentionPolicy Policy { get; init; } = RetentionPolicy.Default;

    /// <summary>
    /// How snapshots are grouped before the policy is applied (<c>--group-by</c>): the policy keeps its
    /// counts in each group. <see cref="SnapshotGrouping.None"/> applies it to all snapshots as one group;
    /// null keeps restic's default (host and paths).
    /// </summary>
    public SnapshotGrouping? GroupBy { get; init; }

    /// <summary>Only snapshots that match this filter are considered.</summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>Removes the data no snapshot references any more right away (<c>--prune</c>).</summary>
    public bool Prune { get; init; }

    /// <summary>Reports what would be removed without removing it (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    internal void Validate()
    {
        Policy.Validate();
        if (GroupBy is { } groupBy && (groupBy & ~(SnapshotGrouping.Host | SnapshotGrouping.Paths | SnapshotGrouping.Tags)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GroupBy), groupBy, "Group by Host, Paths and/or Tags.");
        }
    }
}
