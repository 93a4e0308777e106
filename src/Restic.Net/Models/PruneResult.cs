namespace Restic.Net;

/// <summary>
/// The result of <c>prune</c>. restic prints prune statistics only as text with rounded, human-readable
/// sizes (for example <c>10.503 KiB</c>): byte counts here are accurate to restic's 3 decimals.
/// A value restic did not print is null.
/// </summary>
public sealed record PruneResult
{
    /// <summary>Whether this was a dry run that changed nothing.</summary>
    public bool IsDryRun { get; init; }

    /// <summary>Blobs to repack.</summary>
    public long? RepackBlobs { get; init; }

    /// <summary>Bytes to repack.</summary>
    public long? RepackBytes { get; init; }

    /// <summary>Blobs removed by repacking.</summary>
    public long? RemovedBlobs { get; init; }

    /// <summary>Bytes removed by repacking.</summary>
    public long? RemovedBytes { get; init; }

    /// <summary>Blobs in packs deleted whole.</summary>
    public long? DeletedBlobs { get; init; }

    /// <summary>Bytes in packs deleted whole.</summary>
    public long? DeletedBytes { get; init; }

    /// <summary>Blobs freed in total.</summary>
    public long? TotalPrunedBlobs { get; init; }

    /// <summary>Bytes freed in total.</summary>
    public long? TotalPrunedBytes { get; init; }

    /// <summary>Blobs remaining in the repository.</summary>
    public long? RemainingBlobs { get; init; }

    /// <summary>Bytes remaining in the repository.</summary>
    public long? RemainingBytes { get; init; }

    /// <summary>Unused bytes left in the repository after the prune.</summary>
    public long? UnusedBytesAfterPrune { get; init; }

    /// <summary>restic's text output, for display.</summary>
    public IReadOnlyList<string> Output { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Output)); }
}
