namespace Restic.Net;

/// <summary>The snapshots that share a host, paths and/or tags, as <see cref="SnapshotGrouping"/> chose.</summary>
public sealed record SnapshotGroup
{
    /// <summary>The host name of the group; empty when not grouped by host.</summary>
    public string HostName { get; init; } = string.Empty;

    /// <summary>The paths of the group; empty when not grouped by paths.</summary>
    public IReadOnlyList<string> Paths { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Paths)); }

    /// <summary>The tags of the group; empty when not grouped by tags.</summary>
    public IReadOnlyList<string> Tags { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Tags)); }

    /// <summary>The snapshots of the group, oldest first.</summary>
    public IReadOnlyList<Snapshot> Snapshots { get => field ?? ValueList<Snapshot>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }
}
