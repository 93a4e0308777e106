namespace Restic.Net;

/// <summary>
/// Options of <c>rewrite</c> (restic 0.15+): removes files from existing snapshots, either those that
/// match exclude patterns or (restic 0.19+) all but those that match include patterns. The snapshots are
/// the call's <see cref="SnapshotSelection"/> argument; the patterns are required (exclude or include,
/// not both), so these options are too.
/// </summary>
public sealed record RewriteOptions
{
    /// <summary>Exclude patterns (<c>--exclude</c>), as for a backup.</summary>
    public IReadOnlyList<string> Excludes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Excludes)); }

    /// <summary>Case-insensitive exclude patterns (<c>--iexclude</c>).</summary>
    public IReadOnlyList<string> CaseInsensitiveExcludes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(CaseInsensitiveExcludes)); }

    /// <summary>Files that list exclude patterns (<c>--exclude-file</c>).</summary>
    public IReadOnlyList<string> ExcludeFiles { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(ExcludeFiles)); }

    /// <summary>
    /// Include patterns (<c>--include</c>, restic 0.19+): keeps only matching files. Cannot be combined with
    /// exclude patterns; older versions throw <see cref="ResticNotSupportedException"/>.
    /// </summary>
    public IReadOnlyList<string> Includes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Includes)); }

    /// <summary>Case-insensitive include patterns (<c>--iinclude</c>, restic 0.19+).</summary>
    public IReadOnlyList<string> CaseInsensitiveIncludes { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(CaseInsensitiveIncludes)); }

    /// <summary>Files that list include patterns (<c>--include-file</c>, restic 0.19+).</summary>
    public IReadOnlyList<string> IncludeFiles { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(IncludeFiles)); }

    /// <summary>Whether include patterns are used (restic 0.19+).</summary>
    internal bool UsesIncludes => Includes.Count + CaseInsensitiveIncludes.Count + IncludeFiles.Count > 0;

    /// <summary>
    /// Removes the original snapshots once their rewritten copies are saved (<c>--forget</c>); without
    /// it the originals are kept next to the copies (tagged <c>rewrite</c>). Either way, the excluded
    /// data leaves the repository only with a later prune.
    /// </summary>
    public bool Forget { get; init; }

    /// <summary>Reports what would be rewritten without saving anything (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    internal void Validate()
    {
        Guard.Items(Excludes);
        Guard.Items(CaseInsensitiveExcludes);
        Guard.Items(ExcludeFiles);
        Guard.Items(Includes);
        Guard.Items(CaseInsensitiveIncludes);
        Guard.Items(IncludeFiles);
        var excludes = Excludes.Count + CaseInsensitiveExcludes.Count + ExcludeFiles.Count > 0;
        if (!excludes && !UsesIncludes)
        {
            throw new ArgumentException("Name at least one exclude pattern or exclude file, or (restic 0.19+) include patterns.", nameof(Excludes));
        }

        if (excludes && UsesIncludes)
        {
            throw new ArgumentException("Include and exclude patterns cannot be combined in one rewrite (restic rejects them together).", nameof(Includes));
        }
    }
}
