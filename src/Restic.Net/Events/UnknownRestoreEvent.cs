namespace Restic.Net;

/// <summary>A JSON line of a message type this client does not know (newer restic); kept, never fatal.</summary>
public sealed record UnknownRestoreEvent : RestoreEvent
{
    /// <summary>restic's <c>message_type</c>.</summary>
    public string MessageType { get; init; } = string.Empty;

    /// <summary>The whole line.</summary>
    public string RawJson { get; init; } = string.Empty;
}
