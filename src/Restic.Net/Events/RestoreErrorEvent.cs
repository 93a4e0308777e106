namespace Restic.Net;

/// <summary>A file could not be restored; the stream throws when restic exits. Never dropped.</summary>
/// <param name="Error">The error.</param>
public sealed record RestoreErrorEvent(RestoreError Error) : RestoreEvent;
