namespace Restic.Net;

/// <summary>A progress report of a running backup.</summary>
/// <param name="PercentDone">The fraction done, 0 to 1 (bytes done over total bytes); 0 while the total is unknown.</param>
/// <param name="Elapsed">Time since the backup started.</param>
/// <param name="Remaining">restic's estimate of the remaining time; null until it has one.</param>
/// <param name="TotalFiles">Files found by the scanner so far; null with <c>--no-scan</c>.</param>
/// <param name="FilesDone">Files processed.</param>
/// <param name="TotalBytes">Bytes found by the scanner so far.</param>
/// <param name="BytesDone">Bytes processed.</param>
/// <param name="ErrorCount">Errors so far.</param>
/// <param name="CurrentFiles">Files being read right now.</param>
public sealed record BackupProgress(
    double PercentDone,
    TimeSpan Elapsed,
    TimeSpan? Remaining,
    ulong? TotalFiles,
    ulong FilesDone,
    ulong? TotalBytes,
    ulong BytesDone,
    ulong ErrorCount,
    IReadOnlyList<string> CurrentFiles);
