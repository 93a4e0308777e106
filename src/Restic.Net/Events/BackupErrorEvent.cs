namespace Restic.Net;

/// <summary>restic could not read a file or folder; the backup goes on. Never dropped.</summary>
/// <param name="Error">The error.</param>
public sealed record BackupErrorEvent(BackupError Error) : BackupEvent;
