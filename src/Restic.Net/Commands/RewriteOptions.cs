namespace Restic.Net;

/// <summary>Options of <c>rewrite</c> (restic 0.15+): removes files from existing snapshots.</summary>
public sealed record RewriteOptions
{
    /// <summary>Exclude patterns (<c>--exclude</c>), as for a backup.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>Case-insensitive exclude patterns (<c>--iexclude</c>).</summary>
    public IReadOnlyList<string> CaseInsensitiveExcludes { get; init; } = [];

    /// <summary>Files that list exclude patterns (<c>--exclude-file</c>).</summary>
    public IReadOnlyList<string> ExcludeFiles { get; init; } = [];

    /// <summary>
    /// Removes the original snapshots once their rewritten copies are saved (<c>--forget</c>); without
    /// it the originals are kept next to the copies (tagged <c>rewrite</c>). Either way, the excluded
    /// data leaves the repository only with a later prune.
    /// </summary>
    public bool Forget { get; init; }

    /// <summary>Reports what would be rewritten without saving anything (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>The snapshots to rewrite, by id; empty for all that match <see cref="Filter"/>.</summary>
    public IReadOnlyList<string> Snapshots { get; init; } = [];

    /// <summary>Rewrites only snapshots that match the filter.</summary>
    public SnapshotFilter? Filter { get; init; }

    internal void Validate()
    {
        SnapshotFilter.RejectLatest(Filter, nameof(Filter));
        Guard.Items(Excludes);
        Guard.Items(CaseInsensitiveExcludes);
        Guard.Items(ExcludeFiles);
        if (Excludes.Count + CaseInsensitiveExcludes.Count + ExcludeFiles.Count == 0)
        {
            throw new ArgumentException("Name at least one exclude pattern or exclude file.", nameof(Excludes));
        }

        foreach (var snapshot in Snapshots)
        {
            Guard.SnapshotReference(snapshot, nameof(Snapshots));
        }
    }
}
