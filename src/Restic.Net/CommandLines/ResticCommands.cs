namespace Restic.Net.CommandLines;

/// <summary>The argv builders: one method per restic command, flags as single <c>--flag=value</c> elements. This part: the repository, its config and its locks, and the helpers.</summary>
internal static partial class ResticCommands
{
    public static ResticCommand Init(InitOptions options)
    {
        var flags = new List<string>();
        AddValue(flags, "--repository-version", options.RepositoryVersion?.Value);
        return new ResticCommand("init", ["init"], flags, []) { TakesLock = false };
    }

    /// <summary><c>list locks</c>: one lock id per line; takes no lock itself.</summary>
    public static ResticCommand ListLockIds() => new("list locks", ["list", "locks"], ["--no-lock"], []) { Lock = ResticLockKind.None };

    /// <summary><c>cat lock ID</c>: the lock as restic stored it (time, exclusive, hostname, username, pid).</summary>
    public static ResticCommand CatLock(string id) => new("cat lock", ["cat", "lock"], ["--no-lock"], [id]) { Lock = ResticLockKind.None };

    public static ResticCommand CatConfig() => new("cat config", ["cat", "config"], [], []) { TakesLock = false };

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
        AddEach(flags, "--host", filter.HostNames);
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

    private static void AddValue(List<string> flags, string flag, SnapshotReference? value) => AddValue(flags, flag, value?.ToString());

    private static void AddEach(List<string> flags, string flag, IReadOnlyList<SnapshotReference> values)
    {
        foreach (var value in values)
        {
            AddValue(flags, flag, value.ToString());
        }
    }

    /// <summary>Snapshot references as positional arguments, as restic takes them.</summary>
    private static string[] Arguments(IReadOnlyList<SnapshotReference> snapshots) => [.. snapshots.Select(s => s.ToString())];

    /// <summary>A size as a plain number of bytes, which restic 0.14+ reads for every size flag.</summary>
    private static void AddBytes(List<string> flags, string flag, long? value)
    {
        if (value is { } bytes)
        {
            flags.Add(flag + "=" + bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
