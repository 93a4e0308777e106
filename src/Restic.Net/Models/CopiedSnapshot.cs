namespace Restic.Net;

/// <summary>A snapshot <c>copy</c> copied, or found already copied.</summary>
/// <param name="SourceId">The snapshot in the source repository (short id; restic prints no full ids here).</param>
/// <param name="TargetId">Its copy in this repository (short id).</param>
public sealed record CopiedSnapshot(SnapshotId SourceId, SnapshotId TargetId);
