namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>The data of a <c>progress</c> server-sent event, for backups and restores alike.</summary>
internal sealed record ProgressSnapshot(
    double PercentDone,
    double ElapsedSeconds,
    double? RemainingSeconds,
    long FilesDone,
    long? TotalFiles,
    long BytesDone,
    long? TotalBytes,
    long ErrorCount,
    IReadOnlyList<string> CurrentFiles)
{
    public static ProgressSnapshot From(BackupProgress p) =>
        new(p.PercentDone, p.Elapsed.TotalSeconds, p.Remaining?.TotalSeconds, p.FilesDone, p.TotalFiles, p.BytesDone, p.TotalBytes, p.ErrorCount, p.CurrentFiles);

    public static ProgressSnapshot From(RestoreProgress p) =>
        new(p.PercentDone, p.Elapsed.TotalSeconds, null, p.FilesRestored, p.TotalFiles, p.BytesRestored, p.TotalBytes, 0, []);
}
