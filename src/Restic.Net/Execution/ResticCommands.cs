namespace Restic.Net.Execution;

/// <summary>Builds the argv of every operation from its options. Pure: the golden tests cover it.</summary>
internal static partial class ResticCommands
{
    public static ResticCommand Init(InitOptions options)
    {
        var flags = new List<string>();
        AddValue(flags, "--repository-version", options.RepositoryVersion);
        return new ResticCommand("init", ["init"], flags, []) { TakesLock = false };
    }

    /// <summary><c>list locks</c>: one lock id per line; takes no lock itself.</summary>
    public static ResticCommand ListLockIds() => new("list locks", ["list", "locks"], ["--no-lock"], []) { Lock = ResticLockKind.None };

    /// <summary><c>cat lock ID</c>: the lock as restic stored it (time, exclusive, hostname, username, pid).</summary>
    public static ResticCommand CatLock(string id) => new("cat lock", ["cat", "lock"], ["--no-lock"], [id]) { Lock = ResticLockKind.None };

    public static ResticCommand CatConfig() => new("cat config", ["cat", "config"], [], []) { TakesLock = false };

    /// <summary><c>backup</c>; the paths on the command line, or in <paramref name="pathList"/> (<c>--files-from-raw</c>) when given.</summary>
    public static ResticCommand Backup(BackupOptions options, string? pathList = null)
    {
        var flags = new List<string>();
        AddEach(flags, "--tag", options.Tags);
        AddEach(flags, "--exclude", options.Excludes);
        AddEach(flags, "--iexclude", options.CaseInsensitiveExcludes);
        AddEach(flags, "--exclude-file", options.ExcludeFiles);
        AddFlag(flags, "--exclude-caches", options.ExcludeCaches);
        AddValue(flags, "--exclude-larger-than", options.ExcludeLargerThan);
        AddFlag(flags, "--one-file-system", options.OneFileSystem);
        AddValue(flags, "--host", options.Host);
        AddValue(flags, "--parent", options.Parent);
        AddFlag(flags, "--force", options.Force);
        AddValue(flags, "--time", options.Time is { } time ? ResticFormat.Time(time) : null);
        AddFlag(flags, "--dry-run", options.DryRun);
        AddFlag(flags, "--verbose", options.IncludeFileEvents);
        AddValue(flags, "--files-from-raw", pathList);
        return new ResticCommand("backup", ["backup"], flags, pathList is null ? options.Paths : []) { RecordsHost = true };
    }

    /// <summary><c>snapshots --group-by=...</c>, without <c>--latest</c>: the client picks the newest per group itself.</summary>
    public static ResticCommand SnapshotGroups(SnapshotGrouping groupBy, SnapshotFilter filter)
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

        var flags = new List<string> { "--group-by=" + string.Join(',', keys) };
        AddFilter(flags, filter);
        return new ResticCommand("snapshots", ["snapshots"], flags, []);
    }

    public static ResticCommand Snapshots(SnapshotFilter filter)
    {
        var flags = new List<string>();
        AddFilter(flags, filter);
        if (filter.Latest is { } latest)
        {
            flags.Add("--latest=" + ResticFormat.Integer(latest));
        }

        return new ResticCommand("snapshots", ["snapshots"], flags, []);
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

        // File events exist from 0.17 at verbosity 2.
        AddFlag(flags, "--verbose=2", options.IncludeFileEvents && capabilities.RestoreOverwritePolicies);
        return new ResticCommand("restore", ["restore"], flags, [options.Snapshot]);
    }

    public static ResticCommand Forget(ForgetOptions options)
    {
        var policy = options.Policy;
        var flags = new List<string>();
        AddCount(flags, "--keep-last", policy.KeepLast);
        AddCount(flags, "--keep-hourly", policy.KeepHourly);
        AddCount(flags, "--keep-daily", policy.KeepDaily);
        AddCount(flags, "--keep-weekly", policy.KeepWeekly);
        AddCount(flags, "--keep-monthly", policy.KeepMonthly);
        AddCount(flags, "--keep-yearly", policy.KeepYearly);
        AddValue(flags, "--keep-within", policy.KeepWithin);
        AddValue(flags, "--keep-within-hourly", policy.KeepWithinHourly);
        AddValue(flags, "--keep-within-daily", policy.KeepWithinDaily);
        AddValue(flags, "--keep-within-weekly", policy.KeepWithinWeekly);
        AddValue(flags, "--keep-within-monthly", policy.KeepWithinMonthly);
        AddValue(flags, "--keep-within-yearly", policy.KeepWithinYearly);
        AddEach(flags, "--keep-tag", policy.KeepTags);
        if (options.GroupBy is not null)
        {
            flags.Add("--group-by=" + options.GroupBy);
        }

        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        AddFlag(flags, "--prune", options.Prune);
        AddFlag(flags, "--dry-run", options.DryRun);
        return new ResticCommand("forget", ["forget"], flags, []) { Lock = ResticLockKind.Exclusive };
    }

    /// <summary>
    /// <c>forget [--dry-run] --prune ID...</c> in text mode: removes exactly the snapshots a plan chose and
    /// prunes under the same exclusive lock, printing prune's report (restic 0.19+ prints none with <c>--json</c>).
    /// </summary>
    public static ResticCommand ForgetAndPrune(IReadOnlyList<string> snapshotIds, bool dryRun)
    {
        var flags = new List<string> { "--prune" };
        AddFlag(flags, "--dry-run", dryRun);
        return new ResticCommand("forget", ["forget"], flags, snapshotIds) { Lock = ResticLockKind.Exclusive, Json = false };
    }

    public static ResticCommand Prune(PruneOptions options, ResticCapabilities capabilities)
    {
        var flags = new List<string>();
        AddFlag(flags, "--dry-run", options.DryRun);
        AddValue(flags, "--max-unused", options.MaxUnused);
        AddValue(flags, "--max-repack-size", options.MaxRepackSize);
        AddFlag(flags, "--repack-cacheable-only", options.RepackCacheableOnly);
        // 0.19 repacks small packs by default and warns that the flag is deprecated.
        AddFlag(flags, "--repack-small", options.RepackSmall && !capabilities.CompressionLevels);
        AddFlag(flags, "--repack-uncompressed", options.RepackUncompressed);
        return new ResticCommand("prune", ["prune"], flags, []) { Lock = ResticLockKind.Exclusive };
    }

    public static ResticCommand Check(CheckOptions options)
    {
        var flags = new List<string>();
        AddFlag(flags, "--read-data", options.ReadData);
        AddValue(flags, "--read-data-subset", options.ReadDataSubset);
        AddFlag(flags, "--with-cache", options.WithCache);
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("check", ["check"], flags, options.Snapshots) { Lock = ResticLockKind.Exclusive };
    }

    public static ResticCommand Stats(StatsOptions options, StatsMode mode)
    {
        var flags = new List<string> { "--mode=" + mode.Value };
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("stats", ["stats"], flags, options.Snapshots);
    }

    public static ResticCommand Unlock(UnlockOptions options)
    {
        var flags = new List<string>();
        AddFlag(flags, "--remove-all", options.RemoveAll);
        // restic's unlock takes no lock, but --remove-all would remove the locks of this process's own running commands.
        return new ResticCommand("unlock", ["unlock"], flags, []) { Lock = ResticLockKind.None, ExclusiveInProcess = options.RemoveAll };
    }

    // --latest exists only for `snapshots`; the other options' Validate rejects it.
    private static void AddFilter(List<string> flags, SnapshotFilter filter)
    {
        AddEach(flags, "--host", filter.Hosts);
        AddEach(flags, "--tag", filter.Tags);
        AddEach(flags, "--path", filter.Paths);
    }

    private static void AddFlag(List<string> flags, string flag, bool enabled)
    {
        if (enabled)
        {
            flags.Add(flag);
        }
    }

    private static void AddValue(List<string> flags, string flag, string? value)
    {
        if (value is not null)
        {
            // One argv element "--flag=value", so a value starting with '-' is never read as a flag.
            flags.Add(flag + "=" + value);
        }
    }

    private static void AddEach(List<string> flags, string flag, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            AddValue(flags, flag, value);
        }
    }

    private static void AddCount(List<string> flags, string flag, int? value)
    {
        if (value is { } count)
        {
            flags.Add(flag + "=" + ResticFormat.Integer(count));
        }
    }
}
