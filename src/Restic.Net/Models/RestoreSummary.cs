namespace Restic.Net;

/// <summary>
/// The result of a restore. restic 0.14 and 0.15 print no statistics for a restore: there
/// <see cref="HasStatistics"/> is false and every counter is null.
/// </summary>
/// <remarks>
/// A restore in which some files could not be written (a full disk, missing permissions, ...) is not an
/// exception: restic restored the rest, and the summary says so with <see cref="IsComplete"/> false and
/// the files in <see cref="Errors"/>, as <see cref="BackupSummary"/> does for unreadable files.
/// </remarks>
public sealed record RestoreSummary
{
    /// <summary>
    /// Whether every selected file was restored. False when restic reported files it could not
    /// restore (listed in <see cref="Errors"/>); the other files were restored.
    /// </summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>The files restic could not restore, as it reported them (one entry per report; a file may appear more than once).</summary>
    public IReadOnlyList<RestoreError> Errors { get => field ?? ValueList<RestoreError>.Empty; init => field = ValueList.Of(value, nameof(Errors)); }

    /// <summary>Whether restic reported statistics (restic 0.16+).</summary>
    public bool HasStatistics { get; init; }

    /// <summary>The folder the snapshot was restored into.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>
    /// Time the restore took, from restic's start to its exit as the client measured it (restic's own
    /// figure is in whole seconds and omitted below one).
    /// </summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>
    /// Items in the selection as restic counts them: files and folders ("files/dirs" in restic's text);
    /// with include patterns restic leaves out the folders that lead to the selected files.
    /// </summary>
    public long? TotalFiles { get; init; }

    /// <summary>
    /// Items restic wrote, as it counts them: files and the folders it recreated, including those around
    /// the files an include pattern selected (one file three folders deep counts 4 or more). For files
    /// only, count the <see cref="RestoreFileEvent"/>s (restic 0.17+) whose path is a file. With
    /// <see cref="Errors"/>, it may include files restic failed to finish.
    /// </summary>
    public long? FilesRestored { get; init; }

    /// <summary>Files skipped by the overwrite policy (restic 0.17+).</summary>
    public long? FilesSkipped { get; init; }

    /// <summary>Files deleted by <c>--delete</c> (restic 0.18+).</summary>
    public long? FilesDeleted { get; init; }

    /// <summary>Bytes in the selection.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>Bytes written.</summary>
    public long? BytesRestored { get; init; }

    /// <summary>Bytes skipped by the overwrite policy (restic 0.17+).</summary>
    public long? BytesSkipped { get; init; }
}
