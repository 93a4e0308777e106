namespace Restic.Net;

/// <summary>Options of <c>check</c>.</summary>
public sealed record CheckOptions
{
    /// <summary>Reads and verifies all pack files (<c>--read-data</c>); slow on large repositories.</summary>
    public bool ReadData { get; init; }

    /// <summary>
    /// Reads and verifies a subset of the pack files (<c>--read-data-subset</c>): <see cref="Restic.Net.ReadDataSubset.Percent"/>,
    /// <see cref="Restic.Net.ReadDataSubset.Part"/> or <see cref="Restic.Net.ReadDataSubset.Bytes"/>, or restic's syntax through
    /// <see cref="Restic.Net.ReadDataSubset.Parse(string)"/>. Cannot be combined with <see cref="ReadData"/>.
    /// </summary>
    public ReadDataSubset? ReadDataSubset { get; init; }

    /// <summary>Uses the local cache instead of a fresh temporary one (<c>--with-cache</c>).</summary>
    public bool WithCache { get; init; }

    /// <summary>
    /// Checks only the data of these snapshots, by id (restic 0.19+); empty: every snapshot (that matches <see cref="Filter"/>), that is the whole repository without a filter.
    /// Older versions throw <see cref="ResticNotSupportedException"/>.
    /// </summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get => field ?? ValueList<SnapshotReference>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }

    /// <summary>
    /// Checks only the data of the snapshots that match the filter (restic 0.19+). Older versions throw
    /// <see cref="ResticNotSupportedException"/>.
    /// </summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>Whether the check is limited to some snapshots (restic 0.19+).</summary>
    internal bool SelectsSnapshots => Snapshots.Count > 0 || Filter is not null;

    internal void Validate()
    {
        Guard.SnapshotsAndFilter(Snapshots, Filter);

        if (ReadDataSubset is { IsEmpty: true })
        {
            throw new ArgumentException("ReadDataSubset is default(ReadDataSubset): use ReadDataSubset.Percent, Part, Bytes or Parse, or null for no subset.", nameof(ReadDataSubset));
        }

        if (ReadData && ReadDataSubset is not null)
        {
            throw new ArgumentException("ReadData and ReadDataSubset cannot be combined.", nameof(ReadDataSubset));
        }
    }
}
