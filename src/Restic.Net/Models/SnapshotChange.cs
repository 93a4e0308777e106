namespace Restic.Net;

/// <summary>
/// A snapshot that <c>tag</c>, <c>rewrite</c> or <c>repair snapshots</c> replaced: restic never edits a
/// snapshot, it saves a changed copy under a new id.
/// </summary>
public sealed record SnapshotChange
{
    /// <summary>The snapshot that was changed. Text-only output (rewrite, repair) names it by its short id.</summary>
    public SnapshotId OldId { get; init; }

    /// <summary>The id of the changed copy; null in a dry run.</summary>
    public SnapshotId? NewId { get; init; }

    /// <summary>Whether the old snapshot was removed (<c>--forget</c>); <c>tag</c> always removes it.</summary>
    public bool OldRemoved { get; init; }
}
