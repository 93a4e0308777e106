namespace Restic.Net;

/// <summary>Progress of the restore (restic 0.16+). Coalesced like <see cref="BackupStatusEvent"/>.</summary>
/// <param name="Progress">The progress.</param>
public sealed record RestoreStatusEvent(RestoreProgress Progress) : RestoreEvent;
