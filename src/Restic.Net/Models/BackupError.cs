namespace Restic.Net;

/// <summary>A file or folder restic could not back up; the backup went on without it.</summary>
/// <param name="Item">The path restic reported.</param>
/// <param name="During">The phase: <see cref="BackupPhase.Scan"/> or <see cref="BackupPhase.Archival"/>.</param>
/// <param name="Message">The error text; restic before 0.17.1 reports none, and then it is <see langword="null"/>.</param>
public sealed record BackupError(string Item, BackupPhase During, string? Message);
