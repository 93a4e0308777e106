namespace Restic.Net;

/// <summary>The last event of a successful restore.</summary>
public sealed record RestoreCompletedEvent : RestoreEvent
{
    /// <summary>The summary.</summary>
    public required RestoreSummary Summary { get; init; }
}
