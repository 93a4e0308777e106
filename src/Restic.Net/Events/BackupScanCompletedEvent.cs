namespace Restic.Net;

/// <summary>The scanner finished: the totals of the backup are known (only with <see cref="BackupOptions.IncludeFileEvents"/>).</summary>
public sealed record BackupScanCompletedEvent : BackupEvent
{
    /// <summary>Files found.</summary>
    public long TotalFiles { get; init; }

    /// <summary>Bytes found.</summary>
    public long TotalBytes { get; init; }
}
