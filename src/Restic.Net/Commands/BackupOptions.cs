namespace Restic.Net;

/// <summary>Options of a backup.</summary>
public sealed record BackupOptions
{
    /// <summary>Creates backup options for the given files and folders.</summary>
    /// <param name="paths">The files and folders to back up; at least one.</param>
    /// <exception cref="ArgumentException">No path, or an empty path or one with a NUL character.</exception>
    public BackupOptions(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one path to back up is required.", nameof(paths));
        }

        Guard.Items(paths);
        Paths = paths;
    }

    /// <summary>Creates backup options for the given files and folders.</summary>
    /// <param name="paths">The files and folders to back up; at least one.</param>
    public BackupOptions(params string[] paths)
        : this((IReadOnlyList<string>)paths)
    {
    }

    /// <summary>The files and folders to back up.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Tags to add to the snapshot (<c>--tag</c>), one per entry; a comma in a tag throws <see cref="ArgumentException"/> (restic would split it).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Exclude patterns (<c>--exclude</c>).</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>Case-insensitive exclude patterns (<c>--iexclude</c>).</summary>
    public IReadOnlyList<string> CaseInsensitiveExcludes { get; init; } = [];

    /// <summary>Files that list exclude patterns (<c>--exclude-file</c>).</summary>
    public IReadOnlyList<string> ExcludeFiles { get; init; } = [];

    /// <summary>Excludes folders that contain a <c>CACHEDIR.TAG</c> file (<c>--exclude-caches</c>).</summary>
    public bool ExcludeCaches { get; init; }

    /// <summary>Excludes files larger than this, for example <c>1G</c> (<c>--exclude-larger-than</c>).</summary>
    public string? ExcludeLargerThan { get; init; }

    /// <summary>Stays on the file system of each source (<c>--one-file-system</c>).</summary>
    public bool OneFileSystem { get; init; }

    /// <summary>The host name recorded in the snapshot (<c>--host</c>); null uses the machine's name.</summary>
    public string? Host { get; init; }

    /// <summary>The parent snapshot to compare against (<c>--parent</c>); null lets restic choose.</summary>
    public string? Parent { get; init; }

    /// <summary>Re-reads all files instead of trusting the parent's metadata (<c>--force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>The snapshot time to record (<c>--time</c>); null uses the current time.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Does everything except storing data (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Reports a <see cref="BackupFileEvent"/> for every file (<c>--verbose</c>). Off by default: a
    /// large backup produces one event per file.
    /// </summary>
    public bool IncludeFileEvents { get; init; }

    internal void Validate()
    {
        Guard.Tags(Tags);
        Guard.Items(Excludes);
        Guard.Items(CaseInsensitiveExcludes);
        Guard.Items(ExcludeFiles);
        Guard.NoNul(ExcludeLargerThan);
        Guard.SingleLine(Host);
        if (Parent is not null)
        {
            Guard.SnapshotReference(Parent);
        }
        foreach (var tag in Tags)
        {
            if (tag.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"A tag must not contain a comma: '{tag}'.", nameof(Tags));
            }
        }
    }
}
