namespace Restic.Net;

/// <summary>A progress report of a running restore (restic 0.16+).</summary>
/// <param name="PercentDone">The fraction done, 0 to 1.</param>
/// <param name="Elapsed">Time since the restore started.</param>
/// <param name="TotalFiles">Files to restore.</param>
/// <param name="FilesRestored">Files restored so far.</param>
/// <param name="FilesSkipped">Files skipped by the overwrite policy (restic 0.17+).</param>
/// <param name="TotalBytes">Bytes to restore.</param>
/// <param name="BytesRestored">Bytes restored so far.</param>
/// <param name="BytesSkipped">Bytes skipped by the overwrite policy (restic 0.17+).</param>
public sealed record RestoreProgress(
    double PercentDone,
    TimeSpan Elapsed,
    ulong TotalFiles,
    ulong FilesRestored,
    ulong FilesSkipped,
    ulong TotalBytes,
    ulong BytesRestored,
    ulong BytesSkipped);
