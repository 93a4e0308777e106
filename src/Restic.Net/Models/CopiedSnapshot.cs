namespace Restic.Net;

/// <summary>A snapshot <c>copy</c> copied, or found already copied.</summary>
public sealed record CopiedSnapshot
{
    /// <summary>The snapshot in the source repository (short id; restic prints no full ids here).</summary>
    public SnapshotId SourceId { get; init; }

    /// <summary>Its copy in this repository (short id).</summary>
    public SnapshotId TargetId { get; init; }
}
