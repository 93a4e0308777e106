namespace Restic.Net;

/// <summary>Backup statistics stored in a snapshot by restic 0.17+.</summary>
public sealed record SnapshotSummary
{
    /// <summary>When the backup started.</summary>
    public DateTimeOffset BackupStart { get; init; }

    /// <summary>When the backup ended.</summary>
    public DateTimeOffset BackupEnd { get; init; }

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

    /// <summary>Data blobs added.</summary>
    public long DataBlobs { get; init; }

    /// <summary>Tree blobs added.</summary>
    public long TreeBlobs { get; init; }

    /// <summary>Bytes added before compression.</summary>
    public long DataAdded { get; init; }

    /// <summary>Bytes added after compression.</summary>
    public long DataAddedPacked { get; init; }

    /// <summary>Files processed.</summary>
    public long TotalFilesProcessed { get; init; }

    /// <summary>Bytes processed.</summary>
    public long TotalBytesProcessed { get; init; }
}
