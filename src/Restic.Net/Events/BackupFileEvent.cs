namespace Restic.Net;

/// <summary>A file or folder was processed (only with <see cref="BackupOptions.IncludeFileEvents"/>).</summary>
/// <param name="Action">What restic did: <see cref="FileAction.New"/>, <see cref="FileAction.Modified"/> or <see cref="FileAction.Unchanged"/>.</param>
/// <param name="Item">The path inside the snapshot; folders end in <c>/</c>.</param>
/// <param name="Duration">Time spent on the item.</param>
/// <param name="DataSize">The item's size.</param>
/// <param name="DataSizeInRepository">Bytes the item added to the repository.</param>
/// <param name="MetadataSize">Metadata size (folders).</param>
/// <param name="MetadataSizeInRepository">Metadata bytes added to the repository (folders).</param>
public sealed record BackupFileEvent(
    FileAction Action,
    string Item,
    TimeSpan Duration,
    ulong DataSize,
    ulong DataSizeInRepository,
    ulong MetadataSize,
    ulong MetadataSizeInRepository) : BackupEvent;
