namespace Restic.Net;

/// <summary>The scanner finished: the totals of the backup are known (only with <see cref="BackupOptions.IncludeFileEvents"/>).</summary>
/// <param name="TotalFiles">Files found.</param>
/// <param name="TotalBytes">Bytes found.</param>
public sealed record BackupScanCompletedEvent(ulong TotalFiles, ulong TotalBytes) : BackupEvent;
