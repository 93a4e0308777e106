namespace Restic.Net;

/// <summary>The last event of a backup that produced a summary (also a partial backup, exit code 3).</summary>
/// <param name="Summary">The summary.</param>
public sealed record BackupCompletedEvent(BackupSummary Summary) : BackupEvent;
