namespace Restic.Net;

/// <summary>The last event of a successful restore.</summary>
/// <param name="Summary">The summary.</param>
public sealed record RestoreCompletedEvent(RestoreSummary Summary) : RestoreEvent;
