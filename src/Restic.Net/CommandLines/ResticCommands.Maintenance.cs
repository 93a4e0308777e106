namespace Restic.Net.CommandLines;

/// <summary>The argv builders of maintenance: retention, prune, check, stats, repair and the local cache.</summary>
internal static partial class ResticCommands
{
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
        AddValue(flags, "--keep-within", policy.KeepWithin?.ToString());
        AddValue(flags, "--keep-within-hourly", policy.KeepWithinHourly?.ToString());
        AddValue(flags, "--keep-within-daily", policy.KeepWithinDaily?.ToString());
        AddValue(flags, "--keep-within-weekly", policy.KeepWithinWeekly?.ToString());
        AddValue(flags, "--keep-within-monthly", policy.KeepWithinMonthly?.ToString());
        AddValue(flags, "--keep-within-yearly", policy.KeepWithinYearly?.ToString());
        AddEach(flags, "--keep-tag", policy.KeepTags);
        if (options.GroupBy is { } groupBy)
        {
            flags.Add(GroupByFlag(groupBy));
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
        AddValue(flags, "--max-unused", options.MaxUnused?.ToString());
        AddBytes(flags, "--max-repack-size", options.MaxRepackSize);
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
        AddValue(flags, "--read-data-subset", options.ReadDataSubset?.ToString());
        AddFlag(flags, "--with-cache", options.WithCache);
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("check", ["check"], flags, Arguments(options.Snapshots)) { Lock = ResticLockKind.Exclusive };
    }

    public static ResticCommand Stats(StatsOptions options, StatsMode mode)
    {
        var flags = new List<string> { "--mode=" + mode.Value };
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("stats", ["stats"], flags, Arguments(options.Snapshots));
    }

    /// <summary><c>repair index</c> (0.16+) or <c>rebuild-index</c> (before).</summary>
    public static ResticCommand RepairIndex(RepairIndexOptions options, ResticCapabilities capabilities)
    {
        var flags = new List<string>();
        AddFlag(flags, "--read-all-packs", options.ReadAllPacks);
        return capabilities.Repair
            ? new ResticCommand("repair index", ["repair", "index"], flags, []) { Lock = ResticLockKind.Exclusive }
            : new ResticCommand("rebuild-index", ["rebuild-index"], flags, []) { Lock = ResticLockKind.Exclusive };
    }

    /// <summary><c>repair snapshots</c> (0.16+).</summary>
    public static ResticCommand RepairSnapshots(RepairSnapshotsOptions options)
    {
        var flags = new List<string>();
        AddFlag(flags, "--forget", options.Forget);
        AddFlag(flags, "--dry-run", options.DryRun);
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("repair snapshots", ["repair", "snapshots"], flags, Arguments(options.Snapshots)) { Lock = ResticLockKind.Exclusive };
    }

    /// <summary><c>cache</c>: lists the local cache; opens no repository.</summary>
    public static ResticCommand Cache() =>
        new("cache", ["cache"], [], []) { OpensRepository = false, Lock = ResticLockKind.None };

    /// <summary><c>cache --cleanup</c>: removes old cache folders; opens no repository.</summary>
    public static ResticCommand CacheCleanup(CacheCleanupOptions options)
    {
        var flags = new List<string> { "--cleanup" };
        AddCount(flags, "--max-age", options.MaxAgeDays);
        return new ResticCommand("cache cleanup", ["cache"], flags, []) { OpensRepository = false, Lock = ResticLockKind.None };
    }
}
