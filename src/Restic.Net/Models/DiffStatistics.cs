namespace Restic.Net;

/// <summary>The totals restic prints at the end of <c>diff</c>.</summary>
public sealed record DiffStatistics
{
    /// <summary>The first snapshot, as it was passed to restic (not resolved to a full id).</summary>
    public string SourceSnapshot { get; init; } = string.Empty;

    /// <summary>The second snapshot, as it was passed to restic.</summary>
    public string TargetSnapshot { get; init; } = string.Empty;

    /// <summary>The number of files whose content changed.</summary>
    public long ChangedFiles { get; init; }

    /// <summary>What the second snapshot has that the first has not.</summary>
    public DiffCounts Added { get; init; } = new();

    /// <summary>What the first snapshot has that the second has not.</summary>
    public DiffCounts Removed { get; init; } = new();
}
