namespace Restic.Net.Repository.Snapshots;

/// <summary>restic's snapshot selection: <c>--host</c>, <c>--tag</c>, <c>--path</c> and <c>--latest</c>, oldest first.</summary>
internal static class SnapshotMatching
{
    public static IReadOnlyList<Snapshot> Select(IEnumerable<Snapshot> snapshots, SnapshotFilter? filter, int? latest)
    {
        var matching = snapshots.Where(snapshot => Matches(snapshot, filter));
        if (latest is { } count)
        {
            // --latest keeps the newest N of each host and path set.
            matching = matching
                .GroupBy(snapshot => (snapshot.HostName ?? string.Empty) + "\0" + string.Join('\0', snapshot.Paths.Order(StringComparer.Ordinal)), StringComparer.Ordinal)
                .SelectMany(group => group.OrderByDescending(snapshot => snapshot.Time).ThenByDescending(snapshot => snapshot.Id.Value, StringComparer.Ordinal).Take(count));
        }

        return matching.OrderBy(snapshot => snapshot.Time).ThenBy(snapshot => snapshot.Id.Value, StringComparer.Ordinal).ToArray();
    }

    public static bool Matches(Snapshot snapshot, SnapshotFilter? filter)
    {
        if (filter is null)
        {
            return true;
        }

        if (filter.HostNames.Count > 0 && !filter.HostNames.Contains(snapshot.HostName ?? string.Empty, StringComparer.Ordinal))
        {
            return false;
        }

        // Each entry is a tag set ("a,b": both); any entry may match. An empty entry matches untagged snapshots.
        if (filter.Tags.Count > 0 && !filter.Tags.Any(set => HasTags(snapshot, set)))
        {
            return false;
        }

        return filter.Paths.All(path => snapshot.Paths.Contains(Clean(path), StringComparer.Ordinal));
    }

    /// <summary>The client's validation of a filter, so that the reader refuses what <see cref="ResticClient"/> refuses.</summary>
    public static void Validate(SnapshotFilter? filter)
    {
        if (filter is not null)
        {
            Guard.Filter(filter);
        }
    }

    // restic's Snapshot.HasTags over one --tag value: its tags split at commas and trimmed; an empty tag
    // matches a snapshot without tags (that is --tag "").
    private static bool HasTags(Snapshot snapshot, string set)
    {
        foreach (var part in set.Split(','))
        {
            var tag = part.Trim();
            if (tag.Length == 0 && snapshot.Tags.Count == 0)
            {
                return true;
            }

            if (!snapshot.Tags.Contains(tag, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // restic compares cleaned paths: no trailing separator.
    private static string Clean(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
