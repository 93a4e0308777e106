namespace Restic.Net;

/// <summary>
/// The snapshots a command that changes snapshots (<c>tag</c>, <c>rewrite</c>) works on: by id
/// (<see cref="Of(IReadOnlyList{SnapshotReference})"/>), by filter (<see cref="Matching"/>), both, or
/// every snapshot (<see cref="All"/>). A required argument: restic given no selection changes every
/// snapshot of the repository, and each changed snapshot gets a new id, so "all" is always said out loud.
/// </summary>
/// <remarks>
/// Every selection is validated when it is made, so a command never starts with one that would select
/// more than was meant: no ids, a filter without a host, tag or path, a <see langword="default"/>
/// reference or a reference with a subfolder throw <see cref="ArgumentException"/>.
/// </remarks>
public sealed record SnapshotSelection
{
    private SnapshotSelection(bool isAll, IReadOnlyList<SnapshotReference> snapshots, SnapshotFilter? filter)
    {
        IsAll = isAll;
        Snapshots = snapshots;
        Filter = filter;
    }

    /// <summary>Every snapshot of the repository (restic run without ids or a filter).</summary>
    public static SnapshotSelection All { get; } = new(true, ValueList<SnapshotReference>.Empty, null);

    /// <summary>Whether this selects every snapshot (<see cref="All"/>).</summary>
    public bool IsAll { get; }

    /// <summary>The snapshots selected by id or <c>latest</c>; empty when a filter or <see cref="All"/> selects.</summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get; }

    /// <summary>The filter restic applies (<c>--host</c>, <c>--tag</c>, <c>--path</c>); null when there is none.</summary>
    public SnapshotFilter? Filter { get; }

    /// <summary>Selects snapshots by id (or <see cref="SnapshotReference.Latest"/>).</summary>
    /// <param name="snapshots">At least one reference, each to a whole snapshot.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, or a reference is <see langword="default"/> or names a subfolder.</exception>
    public static SnapshotSelection Of(params IReadOnlyList<SnapshotReference> snapshots) => new(false, Ids(snapshots), null);

    /// <summary>
    /// Selects snapshots by id, passing a filter with them: restic uses the filter to choose
    /// <see cref="SnapshotReference.Latest"/> (the newest snapshot that matches it).
    /// </summary>
    /// <param name="snapshots">At least one reference, each to a whole snapshot.</param>
    /// <param name="filter">The filter; it may be empty, since the ids select.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> or <paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, a reference is <see langword="default"/> or names a subfolder, or the filter has an invalid value.</exception>
    public static SnapshotSelection Of(IReadOnlyList<SnapshotReference> snapshots, SnapshotFilter filter)
    {
        var ids = Ids(snapshots);
        ArgumentNullException.ThrowIfNull(filter);
        Guard.Filter(filter);
        return new SnapshotSelection(false, ids, filter);
    }

    /// <summary>Selects the snapshots that match a filter.</summary>
    /// <param name="filter">A filter that names at least one host, tag set or path.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentException">The filter selects nothing in particular (an empty filter is every snapshot: use <see cref="All"/>), or has an invalid value.</exception>
    public static SnapshotSelection Matching(SnapshotFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.HostNames.Count + filter.Tags.Count + filter.Paths.Count == 0)
        {
            throw new ArgumentException(
                "The filter names no host, tag or path, so it selects every snapshot (restic would change each, giving it a new id): use SnapshotSelection.All to mean that.",
                nameof(filter));
        }

        Guard.Filter(filter);
        return new SnapshotSelection(false, ValueList<SnapshotReference>.Empty, filter);
    }

    private static ValueList<SnapshotReference> Ids(IReadOnlyList<SnapshotReference> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0)
        {
            throw new ArgumentException(
                "Name at least one snapshot: an empty list would let restic change every snapshot. Use SnapshotSelection.All to mean that.",
                nameof(snapshots));
        }

        Guard.Snapshots(snapshots);
        return ValueList.Of(snapshots, nameof(snapshots));
    }
}
