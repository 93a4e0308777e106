namespace Restic.Net;

/// <summary>A file, directory or other node stored in a snapshot, as <c>ls</c> and <c>find</c> report it.</summary>
public sealed record SnapshotNode
{
    /// <summary>The node's name (the last part of <see cref="Path"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The node's type.</summary>
    public required NodeType Type { get; init; }

    /// <summary>The absolute path inside the snapshot, <c>/</c>-separated, without a trailing <c>/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The size in bytes, for files; null for other nodes.</summary>
    public long? Size { get; init; }

    /// <summary>The permission bits, with set-user-id, set-group-id and sticky bits.</summary>
    public UnixFileMode Mode { get; init; }

    /// <summary>The permissions as <c>ls -l</c> shows them, for example <c>-rw-r--r--</c>.</summary>
    public string Permissions { get; init; } = string.Empty;

    /// <summary>The owner's user id.</summary>
    public uint Uid { get; init; }

    /// <summary>The owner's group id.</summary>
    public uint Gid { get; init; }

    /// <summary>The owner's user name (<c>find</c> only).</summary>
    public string? UserName { get; init; }

    /// <summary>The owner's group name (<c>find</c> only).</summary>
    public string? GroupName { get; init; }

    /// <summary>The last modification time.</summary>
    /// <remarks>
    /// restic stores any time from year 0 to 9999 with the offset of the machine that backed it up. A time that
    /// <see cref="DateTimeOffset"/> cannot hold is read, not refused: before 0001-01-01T00:00:00Z it is
    /// <see cref="DateTimeOffset.MinValue"/>, after 9999-12-31T23:59:59.9999999Z <see cref="DateTimeOffset.MaxValue"/>,
    /// and an instant in between whose offset exceeds ±14:00 (or whose local time falls in year 0 or 10000) is given in UTC.
    /// </remarks>
    public DateTimeOffset ModificationTime { get; init; }

    /// <summary>The last access time.</summary>
    /// <remarks>Read as <see cref="ModificationTime"/> is.</remarks>
    public DateTimeOffset AccessTime { get; init; }

    /// <summary>The last status change time.</summary>
    /// <remarks>Read as <see cref="ModificationTime"/> is.</remarks>
    public DateTimeOffset ChangeTime { get; init; }

    /// <summary>The inode number (restic 0.16.1+ reports it).</summary>
    public ulong? Inode { get; init; }

    /// <summary>The number of hard links (<c>find</c> only).</summary>
    public long? Links { get; init; }

    /// <summary>The target of a symbolic link (<c>find</c> only; <c>ls</c> does not report it).</summary>
    public string? LinkTarget { get; init; }

    /// <summary>The device the node was on (<c>find</c> only).</summary>
    public ulong? DeviceId { get; init; }
}
