namespace Restic.Net;

/// <summary>
/// The result of a restore. restic 0.14 and 0.15 print no statistics for a restore: there
/// <see cref="HasStatistics"/> is false and every counter is null.
/// </summary>
public sealed record RestoreSummary
{
    /// <summary>Whether restic reported statistics (restic 0.16+).</summary>
    public bool HasStatistics { get; init; }

    /// <summary>The folder the snapshot was restored into.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>Time the restore took, as restic measured it.</summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>Files in the selection.</summary>
    public long? TotalFiles { get; init; }

    /// <summary>Files written.</summary>
    public long? FilesRestored { get; init; }

    /// <summary>Files skipped by the overwrite policy (restic 0.17+).</summary>
    public long? FilesSkipped { get; init; }

    /// <summary>Files deleted by <c>--delete</c> (restic 0.18+).</summary>
    public long? FilesDeleted { get; init; }

    /// <summary>Bytes in the selection.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>Bytes written.</summary>
    public long? BytesRestored { get; init; }

    /// <summary>Bytes skipped by the overwrite policy (restic 0.17+).</summary>
    public long? BytesSkipped { get; init; }
}
