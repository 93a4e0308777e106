namespace Restic.Net;

/// <summary>The result of <c>tag</c>.</summary>
public sealed record TagResult
{
    /// <summary>How many snapshots got new tags (and so a new id).</summary>
    public int ChangedSnapshots { get; init; }

    /// <summary>
    /// Which snapshot became which (restic 0.18+, which reports it as JSON); null on older versions,
    /// which print only the count.
    /// </summary>
    public IReadOnlyList<SnapshotChange>? Changes { get; init => field = ValueList<SnapshotChange>.Of(value); }
}
