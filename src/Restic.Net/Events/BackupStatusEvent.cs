namespace Restic.Net;

/// <summary>Progress of the backup. Reports are coalesced: a slow consumer sees the latest one, never a backlog.</summary>
public sealed record BackupStatusEvent : BackupEvent
{
    /// <summary>The progress.</summary>
    public required BackupProgress Progress { get; init; }
}
