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
        new("backup", ["backup"], ["--stdin", "--stdin-filename=" + fileName, .. StdinBackupFlags(options)], []);

    /// <summary><c>backup --stdin-from-command --stdin-filename=NAME -- COMMAND ARGS</c> (0.17+): restic runs the command.</summary>
    public static ResticCommand BackupFromCommand(IReadOnlyList<string> command, string fileName, StdinBackupOptions options) =>
        new("backup", ["backup"], ["--stdin-from-command", "--stdin-filename=" + fileName, .. StdinBackupFlags(options)], command);

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
}
