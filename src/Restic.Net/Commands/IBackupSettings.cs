namespace Restic.Net;

/// <summary>
/// What a backup of files (<see cref="BackupOptions"/>) and a backup from stdin (<see cref="StdinBackupOptions"/>)
/// share: the snapshot's tags, host, parent and time, and a dry run. The two records stay separate (a stdin backup
/// has no paths or excludes); this interface lets one place validate these settings and turn them into flags.
/// </summary>
internal interface IBackupSettings
{
    IReadOnlyList<string> Tags { get; }

    string? HostName { get; }

    SnapshotReference? Parent { get; }

    DateTimeOffset? Time { get; }

    bool DryRun { get; }
}
