namespace Restic.Net;

/// <summary>The totals restic prints at the end of <c>diff</c>.</summary>
public sealed record DiffStatistics
{
    /// <summary>
    /// The first snapshot, as the diff was given it: restic echoes its argument unresolved (an id prefix, or
    /// <c>id:/folder</c>), so this is a reference, not a full <see cref="SnapshotId"/>.
    /// </summary>
    public SnapshotReference SourceSnapshot { get; init; }

    /// <summary>The second snapshot, as the diff was given it.</summary>
    public SnapshotReference TargetSnapshot { get; init; }

    /// <summary>The number of files whose content changed.</summary>
    public long ChangedFiles { get; init; }

    /// <summary>What the second snapshot has that the first has not.</summary>
    public DiffCounts Added { get; init; } = new();

    /// <summary>What the first snapshot has that the second has not.</summary>
    public DiffCounts Removed { get; init; } = new();
}
