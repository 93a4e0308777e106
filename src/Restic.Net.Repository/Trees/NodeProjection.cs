using Restic.Net.Repository.Format;
using Restic.Net.Serialization;

namespace Restic.Net.Repository.Trees;

/// <summary>A tree node as <c>restic ls --json</c> reports it, so that the native and the CLI listing are equal.</summary>
internal static class NodeProjection
{
    private static readonly string?[] s_files = new string?[512];
    private static readonly string?[] s_folders = new string?[512];

    public static SnapshotNode ToSnapshotNode(TreeNodeDto node, string path) => new()
    {
        Name = node.Name ?? string.Empty,
        Type = new NodeType(node.Type ?? string.Empty),
        Path = path,

        // ls reports a size for files only (restic 0.14 to 0.19).
        Size = node.Type == "file" ? (long)Math.Min(node.Size, long.MaxValue) : null,
        Mode = Projections.ToUnixFileMode(node.Mode),
        Permissions = Permissions(node.Mode),
        Uid = node.Uid,
        Gid = node.Gid,
        ModificationTime = node.Mtime,
        AccessTime = node.Atime,
        ChangeTime = node.Ctime,

        // ls omits a zero inode, and restic before 0.16.1 prints none at all; the reader always reports it.
        Inode = node.Inode == 0 ? null : node.Inode,
    };

    /// <summary>A tree node as <c>restic find --json</c> reports a match: the stored node, empty fields omitted.</summary>
    public static SnapshotNode ToFoundNode(TreeNodeDto node, string path) => new()
    {
        Name = node.Name ?? string.Empty,
        Type = new NodeType(node.Type ?? string.Empty),
        Path = path,
        Size = node.Type == "file" || node.Size != 0 ? (long)Math.Min(node.Size, long.MaxValue) : null,
        Mode = Projections.ToUnixFileMode(node.Mode),
        Permissions = Permissions(node.Mode),
        Uid = node.Uid,
        Gid = node.Gid,
        UserName = string.IsNullOrEmpty(node.User) ? null : node.User,
        GroupName = string.IsNullOrEmpty(node.Group) ? null : node.Group,
        ModificationTime = node.Mtime,
        AccessTime = node.Atime,
        ChangeTime = node.Ctime,

        // restic before 0.16.1 hides the inode in find; the reader always reports it.
        Inode = node.Inode == 0 ? null : node.Inode,
        Links = node.Links == 0 ? null : (long)Math.Min(node.Links, long.MaxValue),
        LinkTarget = string.IsNullOrEmpty(node.Linktarget) ? null : node.Linktarget,
        DeviceId = node.DeviceId == 0 ? null : node.DeviceId,
    };

    // The plain files' and folders' strings repeat on every node: made once per mode.
    private static string Permissions(uint mode) => (mode & ~0x1FFu) switch
    {
        0 => s_files[mode & 0x1FF] ??= GoFileMode.ToPermissionString(mode),
        0x80000000 => s_folders[mode & 0x1FF] ??= GoFileMode.ToPermissionString(mode),
        _ => GoFileMode.ToPermissionString(mode),
    };
}
