namespace Restic.Net;

/// <summary>Options of <c>stats</c>.</summary>
public sealed record StatsOptions
{
    /// <summary>What to count; defaults to <see cref="StatsMode.RestoreSize"/>.</summary>
    public StatsMode Mode { get; init; } = StatsMode.RestoreSize;

    /// <summary>Counts only these snapshots (ids or <c>latest</c>); empty: every snapshot (that matches <see cref="Filter"/>).</summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get => field ?? ValueList<SnapshotReference>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }

    /// <summary>Counts only snapshots that match this filter.</summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>
    /// In <see cref="StatsMode.RestoreSize"/> mode, also counts the raw data (a second restic run)
    /// to compute <see cref="RepositoryStats.DeduplicationRatio"/> and the compression figures. On by default.
    /// </summary>
    public bool IncludeDeduplicationRatio { get; init; } = true;

    internal void Validate()
    {
        Guard.NotNullOrEmptyNoNul(Mode.Value, nameof(Mode));
        Guard.SnapshotsAndFilter(Snapshots, Filter);
    }
}
