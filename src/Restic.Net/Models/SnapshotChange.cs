namespace Restic.Net;

/// <summary>
/// A snapshot that <c>tag</c>, <c>rewrite</c> or <c>repair snapshots</c> replaced: restic never edits a
/// snapshot, it saves a changed copy under a new id.
/// </summary>
/// <param name="OldId">The snapshot that was changed. Text-only output (rewrite, repair) names it by its short id.</param>
/// <param name="NewId">The id of the changed copy; null in a dry run.</param>
public sealed record SnapshotChange(SnapshotId OldId, SnapshotId? NewId)
{
    /// <summary>Whether the old snapshot was removed (<c>--forget</c>); <c>tag</c> always removes it.</summary>
    public bool OldRemoved { get; init; }
}
