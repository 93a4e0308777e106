namespace Restic.Net.CommandLines;

/// <summary>The argv builders of backups: from files, from stdin, from a command.</summary>
internal static partial class ResticCommands
{
    /// <summary><c>backup</c>; the paths on the command line, or in <paramref name="pathList"/> (<c>--files-from-raw</c>) when given.</summary>
    public static ResticCommand Backup(BackupOptions options, string? pathList = null)
    {
        var flags = BackupSettingsFlags(options);
        AddEach(flags, "--exclude", options.Excludes);
        AddEach(flags, "--iexclude", options.CaseInsensitiveExcludes);
        AddEach(flags, "--exclude-file", options.ExcludeFiles);
        AddFlag(flags, "--exclude-caches", options.ExcludeCaches);
        AddBytes(flags, "--exclude-larger-than", options.ExcludeLargerThan);
        AddFlag(flags, "--one-file-system", options.OneFileSystem);
        AddFlag(flags, "--force", options.Force);
        AddFlag(flags, "--verbose", options.IncludeFileEvents);
        AddValue(flags, "--files-from-raw", pathList);
        return new ResticCommand("backup", ["backup"], flags, pathList is null ? options.Paths : []) { RecordsHost = true };
    }

    /// <summary><c>backup --stdin --stdin-filename=NAME</c>: the content arrives on stdin.</summary>
    public static ResticCommand BackupStdin(string fileName, StdinBackupOptions options) =>
        new("backup", ["backup"], ["--stdin", "--stdin-filename=" + fileName, .. BackupSettingsFlags(options)], []) { RecordsHost = true };

    /// <summary><c>backup --stdin-from-command --stdin-filename=NAME -- COMMAND ARGS</c> (0.17+): restic runs the command.</summary>
    public static ResticCommand BackupFromCommand(IReadOnlyList<string> command, string fileName, StdinBackupOptions options) =>
        new("backup", ["backup"], ["--stdin-from-command", "--stdin-filename=" + fileName, .. BackupSettingsFlags(options)], command) { RecordsHost = true };

    /// <summary>The flags of what both backups share (<see cref="IBackupSettings"/>), first in either argv.</summary>
    private static List<string> BackupSettingsFlags(IBackupSettings options)
    {
        var flags = new List<string>();
        AddEach(flags, "--tag", options.Tags);
        AddValue(flags, "--host", options.HostName);
        AddValue(flags, "--parent", options.Parent);
        AddValue(flags, "--time", options.Time is { } time ? ResticFormat.Time(time) : null);
        AddFlag(flags, "--dry-run", options.DryRun);
        return flags;
    }
}
