namespace Restic.Net;

/// <summary>Options of <c>repair snapshots</c> (restic 0.16+): replaces snapshots that reference missing data.</summary>
public sealed record RepairSnapshotsOptions
{
    /// <summary>Removes the damaged originals once the repaired copies are saved (<c>--forget</c>).</summary>
    public bool Forget { get; init; }

    /// <summary>Reports what would be repaired without saving anything (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>The snapshots to repair, by id; empty: every snapshot (that matches <see cref="Filter"/>).</summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get => field ?? ValueList<SnapshotReference>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }

    /// <summary>Checks only snapshots that match the filter.</summary>
    public SnapshotFilter? Filter { get; init; }

    internal void Validate()
    {
        Guard.SnapshotsAndFilter(Snapshots, Filter);
    }
}
