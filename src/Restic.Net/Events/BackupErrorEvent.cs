namespace Restic.Net;

/// <summary>restic could not read a file or folder; the backup goes on. Never dropped.</summary>
public sealed record BackupErrorEvent : BackupEvent
{
    /// <summary>The error.</summary>
    public required BackupError Error { get; init; }
}
