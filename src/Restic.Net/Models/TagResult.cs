namespace Restic.Net;

/// <summary>The result of <c>tag</c>.</summary>
public sealed record TagResult
{
    /// <summary>How many snapshots got new tags (and so a new id).</summary>
    public long ChangedSnapshots { get; init; }

    /// <summary>
    /// Which snapshot became which; empty when no snapshot changed. Null before restic 0.18, which prints only the
    /// count: an empty list would say that nothing changed.
    /// </summary>
    public IReadOnlyList<SnapshotChange>? Changes { get; init => field = ValueList<SnapshotChange>.Of(value); }
}
