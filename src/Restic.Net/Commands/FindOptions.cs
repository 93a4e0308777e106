namespace Restic.Net;

/// <summary>Options of <c>find</c>.</summary>
public sealed record FindOptions
{
    /// <summary>Searches only these snapshots (<c>--snapshot</c>); empty: every snapshot (that matches <see cref="Filter"/>).</summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get => field ?? ValueList<SnapshotReference>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }

    /// <summary>Searches only snapshots that match the filter.</summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>Matches the patterns case-insensitively (<c>--ignore-case</c>).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Only nodes modified at or after this time (<c>--oldest</c>).</summary>
    public DateTimeOffset? Oldest { get; init; }

    /// <summary>Only nodes modified at or before this time (<c>--newest</c>).</summary>
    public DateTimeOffset? Newest { get; init; }

    internal void Validate()
    {

        // restic 0.19 rejects this; older versions found nothing. Rejected before restic starts on every version.
        if (Oldest is { } oldest && Newest is { } newest && oldest > newest)
        {
            throw new ArgumentException($"Oldest ({oldest:O}) is later than Newest ({newest:O}): no node can match.", nameof(Oldest));
        }

        Guard.SnapshotsAndFilter(Snapshots, Filter);
    }
}
