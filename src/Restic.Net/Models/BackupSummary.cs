namespace Restic.Net;

/// <summary>The result of a backup.</summary>
public sealed record BackupSummary
{
    /// <summary>
    /// The new snapshot; <see langword="null"/> for a dry run or when restic skipped an unchanged
    /// snapshot. restic 0.14 reports the 8-character short id (<see cref="SnapshotId.IsFull"/> is false).
    /// </summary>
    public SnapshotId? SnapshotId { get; init; }

    /// <summary>
    /// False when restic could not read some source data (exit code 3) or a source path did not exist
    /// (restic 0.19+ exits 3; older versions exit 0, and the client reports the same): the snapshot exists
    /// but lacks the files listed in <see cref="Errors"/>. A missing source path is listed with
    /// <see cref="BackupPhase.Scan"/> and the message <c>does not exist</c>.
    /// </summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>Whether this was a dry run that stored nothing.</summary>
    public bool IsDryRun { get; init; }

    /// <summary>Files and folders restic could not back up.</summary>
    public IReadOnlyList<BackupError> Errors { get => field ?? ValueList<BackupError>.Empty; init => field = ValueList.Of(value, nameof(Errors)); }

    /// <summary>Files not in the parent snapshot.</summary>
    public long FilesNew { get; init; }

    /// <summary>Files changed since the parent snapshot.</summary>
    public long FilesChanged { get; init; }

    /// <summary>Files unchanged since the parent snapshot.</summary>
    public long FilesUnmodified { get; init; }

    /// <summary>Folders not in the parent snapshot.</summary>
    public long DirectoriesNew { get; init; }

    /// <summary>Folders changed since the parent snapshot.</summary>
    public long DirectoriesChanged { get; init; }

    /// <summary>Folders unchanged since the parent snapshot.</summary>
    public long DirectoriesUnmodified { get; init; }

    /// <summary>Data blobs added to the repository.</summary>
    public long DataBlobs { get; init; }

    /// <summary>Tree blobs added to the repository.</summary>
    public long TreeBlobs { get; init; }

    /// <summary>Bytes added to the repository before compression (new data after deduplication).</summary>
    public long DataAdded { get; init; }

    /// <summary>Bytes added to the repository after compression; null before restic 0.17.</summary>
    public long? DataAddedPacked { get; init; }

    /// <summary>Files processed (new, changed and unchanged).</summary>
    public long TotalFilesProcessed { get; init; }

    /// <summary>Bytes processed (the size of the files in the snapshot).</summary>
    public long TotalBytesProcessed { get; init; }

    /// <summary>How long restic took.</summary>
    public TimeSpan TotalDuration { get; init; }

    /// <summary>When the backup started; null before restic 0.18.</summary>
    public DateTimeOffset? BackupStart { get; init; }

    /// <summary>When the backup ended; null before restic 0.18.</summary>
    public DateTimeOffset? BackupEnd { get; init; }
}
