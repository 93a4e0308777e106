namespace Restic.Net;

/// <summary>
/// One version of a path in a file history (<see cref="IResticClient.GetFileHistoryAsync"/>): consecutive snapshots,
/// oldest first, that hold the same content at the path.
/// </summary>
/// <remarks>
/// The content is what restic stored: a file's data blobs, a folder's tree (so a folder changes when anything below it
/// does), a symlink's target, a device's number. A change of metadata alone (a touched modification time, new
/// permissions) does not start a new version; a snapshot without the path ends one, so content that comes back after a
/// gap is a version of its own.
/// </remarks>
public sealed record FileVersion
{
    /// <summary>The path's node in the first snapshot of <see cref="Snapshots"/>, with the fields <c>restic find</c> reports: type, size, times, mode, owner, link target.</summary>
    public required SnapshotNode Node { get; init; }

    /// <summary>The snapshots that hold this version, oldest first; never empty.</summary>
    public IReadOnlyList<Snapshot> Snapshots { get => field ?? ValueList<Snapshot>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }
}
