namespace Restic.Net;

/// <summary>Why <c>forget</c> kept a snapshot.</summary>
public sealed record KeepReason
{
    /// <summary>The time of the kept snapshot.</summary>
    public DateTimeOffset SnapshotTime { get; init; }

    /// <summary>The kept snapshot. restic before 0.17 does not print it; the client then takes the kept snapshot with the same time, and it is null only if several share that time.</summary>
    public SnapshotId? SnapshotId { get; init; }

    /// <summary>The rules that matched, for example <c>daily snapshot</c> or <c>last snapshot</c>.</summary>
    public IReadOnlyList<string> Matches { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Matches)); }
}
