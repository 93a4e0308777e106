namespace Restic.Net;

/// <summary>
/// Options of a backup whose content comes from a stream or a command instead of files
/// (<c>restic backup --stdin</c> / <c>--stdin-from-command</c>).
/// </summary>
public sealed record StdinBackupOptions : IBackupSettings
{
    /// <summary>Tags to add to the snapshot (<c>--tag</c>), one per entry; a comma in a tag throws <see cref="ArgumentException"/> (restic would split it).</summary>
    public IReadOnlyList<string> Tags { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Tags)); }

    /// <summary>The host name recorded in the snapshot (<c>--host</c>); null uses the machine's name.</summary>
    public string? HostName { get; init; }

    /// <summary>The parent snapshot to compare against (<c>--parent</c>); null lets restic choose (for a stdin backup, the latest with the same file name).</summary>
    public SnapshotReference? Parent { get; init; }

    /// <summary>The snapshot time to record (<c>--time</c>); null uses the current time.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Reads everything but stores no data and saves no snapshot (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    internal void Validate() => Guard.BackupSettings(this);
}
