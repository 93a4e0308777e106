namespace Restic.Net;

/// <summary>A progress report of a running restore (restic 0.16+).</summary>
public sealed record RestoreProgress
{
    /// <summary>How much is done, as a fraction, 0 to 1 (restic's <c>percent_done</c>; format it with <c>P0</c>).</summary>
    public double PercentDone { get; init; }

    /// <summary>Time since the restore started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Files to restore.</summary>
    public long TotalFiles { get; init; }

    /// <summary>Files restored so far.</summary>
    public long FilesRestored { get; init; }

    /// <summary>Files skipped by the overwrite policy (restic 0.17+).</summary>
    public long FilesSkipped { get; init; }

    /// <summary>Bytes to restore.</summary>
    public long TotalBytes { get; init; }

    /// <summary>Bytes restored so far.</summary>
    public long BytesRestored { get; init; }

    /// <summary>Bytes skipped by the overwrite policy (restic 0.17+).</summary>
    public long BytesSkipped { get; init; }
}
