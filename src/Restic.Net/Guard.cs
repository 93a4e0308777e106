using System.Runtime.CompilerServices;

namespace Restic.Net;

/// <summary>Validation of client input; it throws before any process starts.</summary>
internal static class Guard
{
    /// <summary>The values of a snapshot filter: host names on one line, valid tag sets, paths without NUL.</summary>
    public static void Filter(SnapshotFilter filter)
    {
        Labels(filter.HostNames, nameof(filter.HostNames));
        TagSets(filter.Tags, nameof(filter.Tags));
        Items(filter.Paths, nameof(filter.Paths));
    }

    /// <summary>
    /// The snapshot list and filter of the options where both empty mean "every snapshot" (check, copy, find,
    /// repair snapshots, stats): whole-snapshot references and a valid filter.
    /// </summary>
    public static void SnapshotsAndFilter(IReadOnlyList<Restic.Net.SnapshotReference> snapshots, SnapshotFilter? filter)
    {
        Snapshots(snapshots, "Snapshots");
        if (filter is not null)
        {
            Filter(filter);
        }
    }

    /// <summary>The settings both backups share: one tag per entry, a single-line host name, a whole-snapshot parent.</summary>
    public static void BackupSettings(IBackupSettings options)
    {
        Tags(options.Tags, nameof(options.Tags));
        SingleLine(options.HostName, nameof(options.HostName));
        if (options.Parent is { } parent)
        {
            Snapshot(parent, allowSubfolder: false, nameof(options.Parent));
        }
    }

    public static void NotNullOrEmptyNoNul(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        NoNul(value, name);
    }

    /// <summary>An absolute path of a node inside snapshots (not the root itself), as a file history takes it.</summary>
    public static void NodePath(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotNullOrEmptyNoNul(value, name);
        if (!value!.StartsWith('/') || value.AsSpan().TrimEnd('/').IsEmpty)
        {
            throw new ArgumentException($"Give the absolute path of a file or folder inside the snapshots, such as /home/ann/report.odt; got '{value}'.", name);
        }
    }

    public static void NoNul(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The value must not contain a NUL character.", name);
        }
    }

    /// <summary>The files and folders of a backup: at least one, none empty or with a NUL character.</summary>
    public static void Paths(IReadOnlyList<string> paths, [CallerArgumentExpression(nameof(paths))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(paths, name);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one path to back up is required.", name);
        }

        Items(paths, name);
    }

    public static void Items(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException("The list must not contain null or empty values.", name);
            }

            NoNul(value, name);
        }
    }

    /// <summary>Tags, host names and similar labels: no NUL and no line break.</summary>
    public static void Labels(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        Items(values, name);
        foreach (var value in values ?? [])
        {
            SingleLine(value, name);
        }
    }

    /// <summary>
    /// Tags that each name one tag (a backup's, <c>tag --add</c>): restic splits a value at commas, so
    /// <c>a,b</c> would silently become two tags. Rejected; pass them as two entries.
    /// </summary>
    public static void Tags(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        Labels(values, name);
        foreach (var value in values ?? [])
        {
            if (value.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"The tag '{value}' contains a comma, which restic reads as two tags: pass each tag as its own entry.", name);
            }
        }
    }

    /// <summary>
    /// Tag sets that select snapshots (<c>--tag a,b</c>, <c>--keep-tag a,b</c>): a comma joins tags that
    /// must all be present. An empty entry is restic's <c>--tag ""</c>: the snapshots without tags. Otherwise
    /// every part must be a tag: no empty part (restic would read <c>a,</c> as "a and no tags", which matches nothing).
    /// </summary>
    public static void TagSets(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        foreach (var value in values ?? [])
        {
            if (value is null)
            {
                throw new ArgumentException("The list must not contain null values.", name);
            }

            SingleLine(value, name);
            if (value.Length > 0 && value.Split(',').Any(part => part.Length == 0))
            {
                throw new ArgumentException($"The tag set '{value}' has an empty tag: a comma joins tags that must all be present, as in 'a,b'; an empty entry alone selects the snapshots without tags.", name);
            }
        }
    }

    public static void SingleLine(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NoNul(value, name);
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The value must not contain a line break.", name);
        }
    }

    /// <summary>A snapshot reference that names a snapshot (not <see langword="default"/>), with a subfolder only where the command takes one.</summary>
    public static void Snapshot(Restic.Net.SnapshotReference value, bool allowSubfolder, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException("The snapshot reference is empty (default); use SnapshotReference.Latest, an id, or SnapshotReference.Parse.", name);
        }

        if (!allowSubfolder && value.Subfolder is not null)
        {
            throw new ArgumentException(
                $"'{value}' names a subfolder; only restore, dump, ls and diff take 'snapshot:subfolder'.", name);
        }
    }

    /// <summary>A list of whole snapshots, as the commands that select several take it.</summary>
    public static void Snapshots(IReadOnlyList<Restic.Net.SnapshotReference> values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        foreach (var value in values)
        {
            Snapshot(value, allowSubfolder: false, name);
        }
    }

    public static void NotNegative(int? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must not be negative.");
        }
    }

    public static void Positive(long? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be above 0.");
        }
    }

    public static void Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be positive.");
        }
    }
}
