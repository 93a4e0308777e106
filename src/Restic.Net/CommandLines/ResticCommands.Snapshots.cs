namespace Restic.Net.CommandLines;

/// <summary>The argv builders of the commands that read snapshots: list, group, browse, compare, dump and restore.</summary>
internal static partial class ResticCommands
{
    /// <summary><c>snapshots --group-by=...</c>, without <c>--latest</c>: the client picks the newest per group itself.</summary>
    public static ResticCommand SnapshotGroups(SnapshotGrouping groupBy, SnapshotFilter filter)
    {
        var flags = new List<string> { GroupByFlag(groupBy) };
        AddFilter(flags, filter);
        return new ResticCommand("snapshots", ["snapshots"], flags, []);
    }

    /// <summary><c>--group-by=host,paths,tags</c>; <c>--group-by=</c> (no grouping) for <see cref="SnapshotGrouping.None"/>.</summary>
    private static string GroupByFlag(SnapshotGrouping groupBy)
    {
        var keys = new List<string>(3);
        if (groupBy.HasFlag(SnapshotGrouping.Host))
        {
            keys.Add("host");
        }

        if (groupBy.HasFlag(SnapshotGrouping.Paths))
        {
            keys.Add("paths");
        }

        if (groupBy.HasFlag(SnapshotGrouping.Tags))
        {
            keys.Add("tags");
        }

        return "--group-by=" + string.Join(',', keys);
    }

    public static ResticCommand Snapshots(SnapshotFilter filter, int? latest)
    {
        var flags = new List<string>();
        AddFilter(flags, filter);
        if (latest is { } count)
        {
            flags.Add("--latest=" + ResticFormat.Integer(count));
        }

        return new ResticCommand("snapshots", ["snapshots"], flags, []);
    }

    /// <summary><c>snapshots SNAPSHOT</c>: a JSON array with the snapshot, or empty when none matches.</summary>
    public static ResticCommand Snapshot(SnapshotReference snapshot, SnapshotFilter filter)
    {
        var flags = new List<string>();
        AddFilter(flags, filter);
        return new ResticCommand("snapshots", ["snapshots"], flags, [snapshot.ToString()]);
    }

    /// <summary><c>ls SNAPSHOT [DIR...]</c>: JSON lines, the snapshot first.</summary>
    public static ResticCommand Ls(SnapshotReference snapshot, ListOptions options)
    {
        var flags = new List<string>();
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        AddFlag(flags, "--recursive", options.Recursive);
        return new ResticCommand("ls", ["ls"], flags, [snapshot.ToString(), .. options.Paths]);
    }

    /// <summary><c>find PATTERN...</c>: one JSON document, an array with an entry per snapshot.</summary>
    public static ResticCommand Find(IReadOnlyList<string> patterns, FindOptions options)
    {
        var flags = new List<string>();
        AddEach(flags, "--snapshot", options.Snapshots);
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        AddFlag(flags, "--ignore-case", options.IgnoreCase);
        AddValue(flags, "--oldest", options.Oldest is { } oldest ? ResticFormat.Time(oldest) : null);
        AddValue(flags, "--newest", options.Newest is { } newest ? ResticFormat.Time(newest) : null);
        return new ResticCommand("find", ["find"], flags, patterns);
    }

    /// <summary><c>diff FIRST SECOND</c>: JSON lines, the statistics last.</summary>
    public static ResticCommand Diff(SnapshotReference first, SnapshotReference second, DiffOptions options)
    {
        var flags = new List<string>();
        AddFlag(flags, "--metadata", options.IncludeMetadata);
        return new ResticCommand("diff", ["diff"], flags, [first.ToString(), second.ToString()]);
    }

    /// <summary><c>dump SNAPSHOT PATH</c>: the file's bytes, or an archive of a folder, on stdout.</summary>
    public static ResticCommand Dump(SnapshotReference snapshot, string path, DumpOptions options)
    {
        var flags = new List<string>();
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        AddValue(flags, "--archive", options.Archive?.Value);
        return new ResticCommand("dump", ["dump"], flags, [snapshot.ToString(), path]);
    }

    public static ResticCommand Restore(RestoreOptions options, ResticCapabilities capabilities)
    {
        var flags = new List<string> { "--target=" + options.Target };
        AddEach(flags, "--include", options.Includes);
        AddEach(flags, "--exclude", options.Excludes);
        AddFlag(flags, "--verify", options.Verify);
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        AddFlag(flags, "--ownership-by-name", options.OwnershipByName);
        AddValue(flags, "--overwrite", capabilities.RestoreOverwritePolicies ? options.Overwrite?.Value : null);

        // File events exist from 0.17 at verbosity 2.
        AddFlag(flags, "--verbose=2", options.IncludeFileEvents && capabilities.RestoreOverwritePolicies);
        return new ResticCommand("restore", ["restore"], flags, [options.Snapshot.ToString()]);
    }
}
