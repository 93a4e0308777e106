namespace Restic.Net.Serialization;

/// <summary>Projects the DTOs of SurfaceDtos.cs onto the public records.</summary>
internal static class SurfaceProjections
{
    // Go's os.FileMode keeps set-user-id, set-group-id and sticky outside the permission bits.
    private const uint GoSetuid = 1u << 23;
    private const uint GoSetgid = 1u << 22;
    private const uint GoSticky = 1u << 20;

    public static SnapshotNode ToNode(this NodeDto dto)
    {
        var path = dto.Path ?? string.Empty;
        return new SnapshotNode
        {
            // find omits the name: it is the last part of the path.
            Name = dto.Name ?? path[(path.LastIndexOf('/') + 1)..],
            Type = new NodeType(dto.Type ?? string.Empty),
            Path = path,
            Size = dto.Size ?? (dto.Type == "file" ? 0UL : null),
            Mode = ToUnixFileMode(dto.Mode),
            Permissions = dto.Permissions ?? string.Empty,
            Uid = dto.Uid,
            Gid = dto.Gid,
            User = dto.User,
            Group = dto.Group,
            ModificationTime = dto.Mtime,
            AccessTime = dto.Atime,
            ChangeTime = dto.Ctime,
            Inode = dto.Inode,
            Links = dto.Links,
            LinkTarget = dto.Linktarget,
            DeviceId = dto.DeviceId,
        };
    }

    public static UnixFileMode ToUnixFileMode(uint goMode)
    {
        var mode = goMode & 0x1FF;
        mode |= (goMode & GoSetuid) != 0 ? 0x800u : 0;
        mode |= (goMode & GoSetgid) != 0 ? 0x400u : 0;
        mode |= (goMode & GoSticky) != 0 ? 0x200u : 0;
        return (UnixFileMode)mode;
    }

    public static DiffStatistics ToStatistics(this DiffStatisticsDto dto) => new()
    {
        SourceSnapshot = dto.SourceSnapshot ?? string.Empty,
        TargetSnapshot = dto.TargetSnapshot ?? string.Empty,
        ChangedFiles = dto.ChangedFiles,
        Added = dto.Added.ToCounts(),
        Removed = dto.Removed.ToCounts(),
    };

    private static DiffCounts ToCounts(this DiffStatDto? dto) => dto is null
        ? new DiffCounts()
        : new DiffCounts
        {
            Files = dto.Files,
            Directories = dto.Dirs,
            Others = dto.Others,
            DataBlobs = dto.DataBlobs,
            TreeBlobs = dto.TreeBlobs,
            Bytes = dto.Bytes,
        };
}
