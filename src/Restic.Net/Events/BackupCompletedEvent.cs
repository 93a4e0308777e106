namespace Restic.Net;

/// <summary>The last event of a backup that produced a summary (also a partial backup, exit code 3).</summary>
public sealed record BackupCompletedEvent : BackupEvent
{
    /// <summary>The summary.</summary>
    public required BackupSummary Summary { get; init; }
}
