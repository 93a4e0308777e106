namespace Restic.Net;

/// <summary>Options of <c>copy</c>: which snapshots to copy from the source repository into the client's repository.</summary>
public sealed record CopyOptions
{
    /// <summary>The snapshots to copy, by id in the source; empty: every snapshot (that matches <see cref="Filter"/>).</summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get => field ?? ValueList<SnapshotReference>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }

    /// <summary>Copies only snapshots that match the filter.</summary>
    public SnapshotFilter? Filter { get; init; }

    internal void Validate()
    {
        Guard.SnapshotsAndFilter(Snapshots, Filter);
    }
}
