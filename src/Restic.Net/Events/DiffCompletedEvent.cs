namespace Restic.Net;

/// <summary>The last event of a comparison: restic's totals.</summary>
public sealed record DiffCompletedEvent : DiffEvent
{
    /// <summary>The totals.</summary>
    public DiffStatistics Statistics { get; init; } = new();
}
