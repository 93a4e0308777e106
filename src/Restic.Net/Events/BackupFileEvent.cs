namespace Restic.Net;

/// <summary>A file or folder was processed (only with <see cref="BackupOptions.IncludeFileEvents"/>).</summary>
public sealed record BackupFileEvent : BackupEvent
{
    /// <summary>What restic did: <see cref="FileAction.New"/>, <see cref="FileAction.Modified"/> or <see cref="FileAction.Unchanged"/>.</summary>
    public FileAction Action { get; init; }

    /// <summary>The path inside the snapshot; folders end in <c>/</c>.</summary>
    public string Item { get; init; } = string.Empty;

    /// <summary>Time spent on the item.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The item's size.</summary>
    public long DataSize { get; init; }

    /// <summary>Bytes the item added to the repository.</summary>
    public long DataSizeInRepository { get; init; }

    /// <summary>Metadata size (folders).</summary>
    public long MetadataSize { get; init; }

    /// <summary>Metadata bytes added to the repository (folders).</summary>
    public long MetadataSizeInRepository { get; init; }
}
