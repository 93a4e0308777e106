namespace Restic.Net;

/// <summary>The result of <c>restic stats</c> in one mode, plus the deduplication ratio when it was computed.</summary>
public sealed record RepositoryStats
{
    /// <summary>The mode the numbers were counted in.</summary>
    public StatsMode Mode { get; init; }

    /// <summary>Bytes, in the sense of <see cref="Mode"/>.</summary>
    public long TotalSize { get; init; }

    /// <summary>Files (restore-size counts folders too).</summary>
    public long TotalFileCount { get; init; }

    /// <summary>Blobs (blobs-per-file and raw-data modes).</summary>
    public long? TotalBlobCount { get; init; }

    /// <summary>Snapshots counted.</summary>
    public long SnapshotsCount { get; init; }

    /// <summary>raw-data mode: the stored blobs' size before compression (restic 0.15+, repository version 2).</summary>
    public long? TotalUncompressedSize { get; init; }

    /// <summary>raw-data mode: uncompressed size over compressed size, a ratio, not a fraction: 1 means no gain, 3.3 a third of the size (restic 0.15+).</summary>
    public double? CompressionRatio { get; init; }

    /// <summary>raw-data mode: the part of the blobs that is compressed, as a fraction, 0 to 1 (restic 0.15+; restic prints a percentage, which the client divides by 100).</summary>
    public double? CompressionProgress { get; init; }

    /// <summary>raw-data mode: the space saved by compression, as a fraction, 0 to 1 (restic 0.15+; restic prints a percentage, which the client divides by 100).</summary>
    public double? CompressionSpaceSaving { get; init; }

    /// <summary>
    /// The bytes the repository stores for the counted snapshots (raw-data <c>total_size</c>, after
    /// compression); set together with <see cref="DeduplicationRatio"/>.
    /// </summary>
    public long? StoredSize { get; init; }

    /// <summary>
    /// A ratio: how many bytes of snapshot content each stored byte represents, before compression: the
    /// restore size of the counted snapshots divided by the size of their unique blobs before compression
    /// (raw-data <c>total_uncompressed_size</c>, or <c>total_size</c> where restic does not report it).
    /// 1.0 means no deduplication; 5.0 means five backups of the same data. Compression is reported
    /// separately in <see cref="CompressionRatio"/>. Null unless computed (see <see cref="StatsOptions.IncludeDeduplicationRatio"/>),
    /// and null for an empty repository.
    /// </summary>
    public double? DeduplicationRatio { get; init; }
}
