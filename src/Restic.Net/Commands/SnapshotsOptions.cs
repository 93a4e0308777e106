namespace Restic.Net;

/// <summary>Options of <c>snapshots</c>: which snapshots <see cref="IResticClient.GetSnapshotsAsync"/> and <see cref="IResticClient.GetSnapshotGroupsAsync"/> return.</summary>
public sealed record SnapshotsOptions
{
    /// <summary>Only snapshots that match this filter; null for all.</summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>
    /// Only the newest N snapshots (<c>--latest</c>): of each host and path set for
    /// <see cref="IResticClient.GetSnapshotsAsync"/>, of each group for
    /// <see cref="IResticClient.GetSnapshotGroupsAsync"/>. Null for all; at least 1.
    /// </summary>
    public int? Latest { get; init; }

    internal void Validate()
    {
        if (Latest is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Latest), Latest, "Latest must be at least 1.");
        }
    }
}
