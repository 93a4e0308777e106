namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// A repository's size, deduplication and locks as <see cref="ConsoleOverview"/> last measured them, or why it could
/// not: <see cref="TotalSize"/> is what a restore of every snapshot would write, <see cref="StoredSize"/> what the
/// repository holds.
/// </summary>
internal sealed record RepositoryMeasure(
    DateTimeOffset MeasuredAt,
    long? TotalSize,
    long? StoredSize,
    double? DeduplicationRatio,
    double? CompressionRatio,
    IReadOnlyList<ResticLock> Locks,
    string? Problem);
