namespace Restic.Net.Execution;

/// <summary>The argv builders of the commands beyond the core set.</summary>
internal static partial class ResticCommands
{
    /// <summary><c>ls SNAPSHOT [DIR...]</c>: JSON lines, the snapshot first.</summary>
    public static ResticCommand Ls(string snapshot, ListOptions options)
    {
        var flags = new List<string>();
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        AddFlag(flags, "--recursive", options.Recursive);
        return new ResticCommand("ls", ["ls"], flags, [snapshot, .. options.Paths]);
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
    public static ResticCommand Diff(string first, string second, DiffOptions options)
    {
        var flags = new List<string>();
        AddFlag(flags, "--metadata", options.IncludeMetadata);
        return new ResticCommand("diff", ["diff"], flags, [first, second]);
    }

    /// <summary><c>dump SNAPSHOT PATH</c>: the file's bytes, or an archive of a folder, on stdout.</summary>
    public static ResticCommand Dump(string snapshot, string path, DumpOptions options)
    {
        var flags = new List<string>();
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        AddValue(flags, "--archive", options.Archive?.Value);
        return new ResticCommand("dump", ["dump"], flags, [snapshot, path]);
    }

    /// <summary><c>backup --stdin --stdin-filename=NAME</c>: the content arrives on stdin.</summary>
    public static ResticCommand BackupStdin(string fileName, StdinBackupOptions options) =>
        new("backup", ["backup"], ["--stdin", "--stdin-filename=" + fileName, .. StdinBackupFlags(options)], []) { RecordsHost = true };

    /// <summary><c>backup --stdin-from-command --stdin-filename=NAME -- COMMAND ARGS</c> (0.17+): restic runs the command.</summary>
    public static ResticCommand BackupFromCommand(IReadOnlyList<string> command, string fileName, StdinBackupOptions options) =>
        new("backup", ["backup"], ["--stdin-from-command", "--stdin-filename=" + fileName, .. StdinBackupFlags(options)], command) { RecordsHost = true };

    private static List<string> StdinBackupFlags(StdinBackupOptions options)
    {
        var flags = new List<string>();
        AddEach(flags, "--tag", options.Tags);
        AddValue(flags, "--host", options.Host);
        AddValue(flags, "--parent", options.Parent);
        AddValue(flags, "--time", options.Time is { } time ? ResticFormat.Time(time) : null);
        AddFlag(flags, "--dry-run", options.DryRun);
        return flags;
    }

    /// <summary><c>tag</c>: exclusive lock; JSON lines on 0.18+, text before.</summary>
    public static ResticCommand Tag(TagOptions options)
    {
        var flags = new List<string>();
        AddEach(flags, "--add", options.Add);
        AddEach(flags, "--remove", options.Remove);
        AddEach(flags, "--set", options.Set);
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("tag", ["tag"], flags, options.Snapshots) { Lock = ResticLockKind.Exclusive };
    }

    /// <summary><c>key list</c>: one JSON document.</summary>
    public static ResticCommand KeyList() => new("key list", ["key", "list"], [], []);

    /// <summary><c>key add</c>: the new password comes from a file, never argv.</summary>
    public static ResticCommand KeyAdd(string newPasswordFile, AddKeyOptions options)
    {
        var flags = new List<string> { "--new-password-file=" + newPasswordFile };
        AddValue(flags, "--user", options.User);
        AddValue(flags, "--host", options.Host);
        return new ResticCommand("key add", ["key", "add"], flags, []);
    }

    /// <summary><c>key remove ID</c>: refuses the key the password opened.</summary>
    public static ResticCommand KeyRemove(string id) =>
        new("key remove", ["key", "remove"], [], [id]) { Lock = ResticLockKind.Exclusive };

    /// <summary><c>key passwd</c>: adds a key for the new password and removes the current one.</summary>
    public static ResticCommand KeyPasswd(string newPasswordFile) =>
        new("key passwd", ["key", "passwd"], ["--new-password-file=" + newPasswordFile], []) { Lock = ResticLockKind.Exclusive };

    /// <summary><c>copy</c> from the repository in the <c>RESTIC_FROM_*</c> variables; verbose, so that skipped snapshots are reported too.</summary>
    public static ResticCommand Copy(CopyOptions options, IReadOnlyList<string> sourceOptions)
    {
        var flags = new List<string> { "--verbose" };
        foreach (var option in sourceOptions)
        {
            flags.Add("--option=" + option);
        }

        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("copy", ["copy"], flags, options.Snapshots);
    }

    /// <summary><c>rewrite</c> (0.15+): exclusive with <c>--forget</c>.</summary>
    public static ResticCommand Rewrite(RewriteOptions options)
    {
        var flags = new List<string>();
        AddEach(flags, "--exclude", options.Excludes);
        AddEach(flags, "--iexclude", options.CaseInsensitiveExcludes);
        AddEach(flags, "--exclude-file", options.ExcludeFiles);
        AddEach(flags, "--include", options.Includes);
        AddEach(flags, "--iinclude", options.CaseInsensitiveIncludes);
        AddEach(flags, "--include-file", options.IncludeFiles);
        AddFlag(flags, "--forget", options.Forget);
        AddFlag(flags, "--dry-run", options.DryRun);
        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("rewrite", ["rewrite"], flags, options.Snapshots)
        {
            Lock = options.Forget ? ResticLockKind.Exclusive : ResticLockKind.Shared,
        };
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

        return new ResticCommand("repair snapshots", ["repair", "snapshots"], flags, options.Snapshots) { Lock = ResticLockKind.Exclusive };
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
