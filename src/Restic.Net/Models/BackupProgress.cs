namespace Restic.Net;

/// <summary>A progress report of a running backup.</summary>
public sealed record BackupProgress
{
    /// <summary>How much is done, as a fraction, 0 to 1 (bytes done over total bytes; restic's <c>percent_done</c>; format it with <c>P0</c>); 0 while the total is unknown.</summary>
    public double PercentDone { get; init; }

    /// <summary>Time since the backup started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>restic's estimate of the remaining time; null until it has one.</summary>
    public TimeSpan? Remaining { get; init; }

    /// <summary>Files found by the scanner so far; null with <c>--no-scan</c>.</summary>
    public long? TotalFiles { get; init; }

    /// <summary>Files processed.</summary>
    public long FilesDone { get; init; }

    /// <summary>Bytes found by the scanner so far.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>Bytes processed.</summary>
    public long BytesDone { get; init; }

    /// <summary>Errors so far.</summary>
    public long ErrorCount { get; init; }

    /// <summary>Files being read right now.</summary>
    public IReadOnlyList<string> CurrentFiles { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(CurrentFiles)); }
}
