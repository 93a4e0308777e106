namespace Restic.Net;

/// <summary>One group of snapshots that the retention policy was applied to.</summary>
public sealed record ForgetGroup
{
    /// <summary>The host name of the group; empty when not grouped by host.</summary>
    public string HostName { get; init; } = string.Empty;

    /// <summary>The paths of the group; empty when not grouped by paths.</summary>
    public IReadOnlyList<string> Paths { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Paths)); }

    /// <summary>The tags of the group; empty when not grouped by tags.</summary>
    public IReadOnlyList<string> Tags { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Tags)); }

    /// <summary>Snapshots kept, newest first.</summary>
    public IReadOnlyList<Snapshot> Keep { get => field ?? ValueList<Snapshot>.Empty; init => field = ValueList.Of(value, nameof(Keep)); }

    /// <summary>Snapshots removed, newest first.</summary>
    public IReadOnlyList<Snapshot> Remove { get => field ?? ValueList<Snapshot>.Empty; init => field = ValueList.Of(value, nameof(Remove)); }

    /// <summary>Why each kept snapshot was kept.</summary>
    public IReadOnlyList<KeepReason> Reasons { get => field ?? ValueList<KeepReason>.Empty; init => field = ValueList.Of(value, nameof(Reasons)); }
}
