namespace Restic.Net;

/// <summary>Progress of the backup. Reports are coalesced: a slow consumer sees the latest one, never a backlog.</summary>
/// <param name="Progress">The progress.</param>
public sealed record BackupStatusEvent(BackupProgress Progress) : BackupEvent;
