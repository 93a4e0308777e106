namespace Restic.Net;

/// <summary>A JSON line of a message type this client does not know (newer restic); kept, never fatal.</summary>
/// <param name="MessageType">restic's <c>message_type</c>.</param>
/// <param name="RawJson">The whole line.</param>
public sealed record UnknownBackupEvent(string MessageType, string RawJson) : BackupEvent;
