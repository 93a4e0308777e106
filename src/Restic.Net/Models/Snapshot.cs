namespace Restic.Net;

/// <summary>A snapshot as <c>restic snapshots</c> lists it.</summary>
public sealed record Snapshot
{
    /// <summary>The snapshot id.</summary>
    public required SnapshotId Id { get; init; }

    /// <summary>When the backup was taken (or the <c>--time</c> it was given), with the offset of the machine that took it.</summary>
    /// <remarks>
    /// restic writes any year from 0 to 9999 (<c>--time</c> takes them) with any offset. A time that
    /// <see cref="DateTimeOffset"/> cannot hold is read, not refused: before 0001-01-01T00:00:00Z it is
    /// <see cref="DateTimeOffset.MinValue"/>, after 9999-12-31T23:59:59.9999999Z <see cref="DateTimeOffset.MaxValue"/>,
    /// and an instant in between whose offset exceeds ±14:00 (or whose local time falls in year 0 or 10000) is given in UTC.
    /// </remarks>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The snapshot this one was based on, if any.</summary>
    public SnapshotId? Parent { get; init; }

    /// <summary>The id of the root tree.</summary>
    public string Tree { get; init; } = string.Empty;

    /// <summary>The backed-up paths, absolute.</summary>
    public IReadOnlyList<string> Paths { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Paths)); }

    /// <summary>The host name recorded in the snapshot.</summary>
    public string? HostName { get; init; }

    /// <summary>The user who took the backup.</summary>
    public string? UserName { get; init; }

    /// <summary>The user id; 0 (root) is also reported when restic omitted it.</summary>
    public uint Uid { get; init; }

    /// <summary>The group id; 0 (root) is also reported when restic omitted it.</summary>
    public uint Gid { get; init; }

    /// <summary>Exclude patterns used for the backup.</summary>
    public IReadOnlyList<string> Excludes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Excludes)); }

    /// <summary>The snapshot's tags.</summary>
    public IReadOnlyList<string> Tags { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Tags)); }

    /// <summary>The id of the first version of this snapshot, when <c>tag</c> or <c>rewrite</c> changed it.</summary>
    public SnapshotId? Original { get; init; }

    /// <summary>The restic version that took the backup (written by restic 0.16+).</summary>
    public string? ProgramVersion { get; init; }

    /// <summary>The backup statistics stored with the snapshot (written and read by restic 0.17+).</summary>
    public SnapshotSummary? Summary { get; init; }
}
