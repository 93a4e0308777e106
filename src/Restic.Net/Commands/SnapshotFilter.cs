namespace Restic.Net;

/// <summary>Selects snapshots by host, tags and paths, as restic's <c>--host</c>, <c>--tag</c> and <c>--path</c> do.</summary>
public sealed record SnapshotFilter
{
    /// <summary>Snapshots of any of these hosts.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>
    /// Snapshots that have any of these tag sets; one entry may list several tags separated by
    /// commas, all of which must be present (restic's <c>--tag a,b</c>).
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Snapshots that contain all of these paths.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>
    /// Only the latest N snapshots of each host and path set (<c>--latest</c>). Only
    /// <see cref="IResticClient.GetSnapshotsAsync"/> supports it; the other commands throw
    /// <see cref="ArgumentException"/> rather than ignore it.
    /// </summary>
    public int? Latest { get; init; }

    /// <summary>Rejects <see cref="Latest"/> for the commands that have no <c>--latest</c>.</summary>
    internal static void RejectLatest(SnapshotFilter? filter, string paramName)
    {
        // Silently dropping it would widen a tag, forget or restore to every matching snapshot.
        if (filter?.Latest is not null)
        {
            throw new ArgumentException(
                "SnapshotFilter.Latest applies only to GetSnapshotsAsync; restic has no --latest for this command. Name the snapshots by id instead.",
                paramName);
        }
    }
}
