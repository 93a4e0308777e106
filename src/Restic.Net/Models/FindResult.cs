namespace Restic.Net;

/// <summary>The nodes of one snapshot that matched a <c>find</c> pattern.</summary>
/// <param name="SnapshotId">The snapshot.</param>
/// <param name="Hits">The number of matches restic counted.</param>
/// <param name="Matches">The matching nodes.</param>
public sealed record FindResult(SnapshotId SnapshotId, ulong Hits, IReadOnlyList<SnapshotNode> Matches);
