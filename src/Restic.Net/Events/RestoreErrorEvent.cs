namespace Restic.Net;

/// <summary>A file could not be restored; the stream throws when restic exits. Never dropped.</summary>
public sealed record RestoreErrorEvent : RestoreEvent
{
    /// <summary>The error.</summary>
    public required RestoreError Error { get; init; }
}
