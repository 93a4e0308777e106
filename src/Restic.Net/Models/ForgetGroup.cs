namespace Restic.Net;

/// <summary>One group of snapshots that the retention policy was applied to.</summary>
public sealed record ForgetGroup
{
    /// <summary>The host of the group; empty when not grouped by host.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The paths of the group; empty when not grouped by paths.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The tags of the group; empty when not grouped by tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Snapshots kept, newest first.</summary>
    public IReadOnlyList<Snapshot> Keep { get; init; } = [];

    /// <summary>Snapshots removed, newest first.</summary>
    public IReadOnlyList<Snapshot> Remove { get; init; } = [];

    /// <summary>Why each kept snapshot was kept.</summary>
    public IReadOnlyList<KeepReason> Reasons { get; init; } = [];
}
