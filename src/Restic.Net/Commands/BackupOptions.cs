namespace Restic.Net;

/// <summary>Options of a backup.</summary>
public sealed record BackupOptions : IBackupSettings
{
    /// <summary>The files and folders to back up: the operation's required argument, set by the client.</summary>
    internal IReadOnlyList<string> Paths { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Paths)); }

    /// <summary>Tags to add to the snapshot (<c>--tag</c>), one per entry; a comma in a tag throws <see cref="ArgumentException"/> (restic would split it).</summary>
    public IReadOnlyList<string> Tags { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Tags)); }

    /// <summary>Exclude patterns (<c>--exclude</c>).</summary>
    public IReadOnlyList<string> Excludes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Excludes)); }

    /// <summary>Case-insensitive exclude patterns (<c>--iexclude</c>).</summary>
    public IReadOnlyList<string> CaseInsensitiveExcludes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(CaseInsensitiveExcludes)); }

    /// <summary>Files that list exclude patterns (<c>--exclude-file</c>).</summary>
    public IReadOnlyList<string> ExcludeFiles { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(ExcludeFiles)); }

    /// <summary>Excludes folders that contain a <c>CACHEDIR.TAG</c> file (<c>--exclude-caches</c>).</summary>
    public bool ExcludeCaches { get; init; }

    /// <summary>Excludes files larger than this many bytes (<c>--exclude-larger-than</c>); above 0, null for no limit.</summary>
    public long? ExcludeLargerThan { get; init; }

    /// <summary>Stays on the file system of each source (<c>--one-file-system</c>).</summary>
    public bool OneFileSystem { get; init; }

    /// <summary>The host name recorded in the snapshot (<c>--host</c>); null uses the machine's name.</summary>
    public string? HostName { get; init; }

    /// <summary>The parent snapshot to compare against (<c>--parent</c>); null lets restic choose (for a stdin backup, the latest with the same file name).</summary>
    public SnapshotReference? Parent { get; init; }

    /// <summary>Re-reads all files instead of trusting the parent's metadata (<c>--force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>The snapshot time to record (<c>--time</c>); null uses the current time.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Reads everything but stores no data and saves no snapshot (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Reports a <see cref="BackupFileEvent"/> for every file (<c>--verbose</c>). Off by default: a
    /// large backup produces one event per file.
    /// </summary>
    public bool IncludeFileEvents { get; init; }

    internal void Validate()
    {
        Guard.BackupSettings(this);
        Guard.Items(Excludes);
        Guard.Items(CaseInsensitiveExcludes);
        Guard.Items(ExcludeFiles);
        Guard.Positive(ExcludeLargerThan);
    }
}
