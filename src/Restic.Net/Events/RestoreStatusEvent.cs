namespace Restic.Net;

/// <summary>Progress of the restore (restic 0.16+). Coalesced like <see cref="BackupStatusEvent"/>.</summary>
public sealed record RestoreStatusEvent : RestoreEvent
{
    /// <summary>The progress.</summary>
    public required RestoreProgress Progress { get; init; }
}
