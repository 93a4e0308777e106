namespace Restic.Net;

/// <summary>
/// An event of a backup stream: a closed family of <see cref="BackupStatusEvent"/>,
/// <see cref="BackupFileEvent"/>, <see cref="BackupScanCompletedEvent"/>, <see cref="BackupErrorEvent"/>,
/// <see cref="UnknownBackupEvent"/> and, last, <see cref="BackupCompletedEvent"/>.
/// </summary>
public abstract record BackupEvent
{
    private protected BackupEvent()
    {
    }
}
