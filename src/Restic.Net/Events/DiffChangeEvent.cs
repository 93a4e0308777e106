namespace Restic.Net;

/// <summary>A path that differs between the two snapshots.</summary>
public sealed record DiffChangeEvent : DiffEvent
{
    /// <summary>The change.</summary>
    public DiffChange Change { get; init; } = new();
}
