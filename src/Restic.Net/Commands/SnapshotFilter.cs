namespace Restic.Net;

/// <summary>Selects snapshots by host, tags and paths, as restic's <c>--host</c>, <c>--tag</c> and <c>--path</c> do.</summary>
public sealed record SnapshotFilter
{
    /// <summary>Snapshots of any of these host names (<c>--host</c>).</summary>
    public IReadOnlyList<string> HostNames { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(HostNames)); }

    /// <summary>
    /// Snapshots that have any of these tag sets; one entry may list several tags separated by
    /// commas, all of which must be present (restic's <c>--tag a,b</c>). An empty entry selects the
    /// snapshots without tags (restic's <c>--tag ""</c>).
    /// </summary>
    public IReadOnlyList<string> Tags { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Tags)); }

    /// <summary>Snapshots that contain all of these paths.</summary>
    public IReadOnlyList<string> Paths { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Paths)); }
}
