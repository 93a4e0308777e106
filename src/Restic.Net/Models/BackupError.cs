namespace Restic.Net;

/// <summary>A file or folder restic could not back up; the backup went on without it.</summary>
public sealed record BackupError
{
    /// <summary>The path restic reported.</summary>
    public string Item { get; init; } = string.Empty;

    /// <summary>The phase: <see cref="BackupPhase.Scan"/> or <see cref="BackupPhase.Archival"/>.</summary>
    public BackupPhase During { get; init; }

    /// <summary>The error text; restic before 0.17.1 reports none, and then it is <see langword="null"/>.</summary>
    public string? Message { get; init; }
}
