namespace Restic.Net;

/// <summary>Backup statistics stored in a snapshot by restic 0.17+.</summary>
public sealed record SnapshotSummary
{
    /// <summary>When the backup started.</summary>
    public DateTimeOffset BackupStart { get; init; }

    /// <summary>When the backup ended.</summary>
    public DateTimeOffset BackupEnd { get; init; }

    /// <summary>Files not in the parent snapshot.</summary>
    public ulong FilesNew { get; init; }

    /// <summary>Files changed since the parent snapshot.</summary>
    public ulong FilesChanged { get; init; }

    /// <summary>Files unchanged since the parent snapshot.</summary>
    public ulong FilesUnmodified { get; init; }

    /// <summary>Folders not in the parent snapshot.</summary>
    public ulong DirectoriesNew { get; init; }

    /// <summary>Folders changed since the parent snapshot.</summary>
    public ulong DirectoriesChanged { get; init; }

    /// <summary>Folders unchanged since the parent snapshot.</summary>
    public ulong DirectoriesUnmodified { get; init; }

    /// <summary>Data blobs added.</summary>
    public long DataBlobs { get; init; }

    /// <summary>Tree blobs added.</summary>
    public long TreeBlobs { get; init; }

    /// <summary>Bytes added before compression.</summary>
    public ulong DataAdded { get; init; }

    /// <summary>Bytes added after compression.</summary>
    public ulong DataAddedPacked { get; init; }

    /// <summary>Files processed.</summary>
    public ulong TotalFilesProcessed { get; init; }

    /// <summary>Bytes processed.</summary>
    public ulong TotalBytesProcessed { get; init; }
}
