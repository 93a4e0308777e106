namespace Restic.Net;

/// <summary>The nodes of one snapshot that matched a <c>find</c> pattern.</summary>
public sealed record FindResult
{
    /// <summary>The snapshot.</summary>
    public SnapshotId SnapshotId { get; init; }

    /// <summary>The number of matches restic counted.</summary>
    public long Hits { get; init; }

    /// <summary>The matching nodes.</summary>
    public IReadOnlyList<SnapshotNode> Matches { get => field ?? ValueList<SnapshotNode>.Empty; init => field = ValueList.Of(value, nameof(Matches)); }
}
