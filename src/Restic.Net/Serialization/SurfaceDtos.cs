// Wire DTOs of the commands beyond the core set (locks, listings, keys, tags, ...). Like WireDtos.cs,
// they mirror restic's JSON one to one and stay internal.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA1819 // Arrays mirror JSON arrays here.

namespace Restic.Net.Serialization;

/// <summary>An <c>ls</c> node line, or a <c>find</c> match (which adds user, group, links, ... and has no name).</summary>
internal sealed class NodeDto
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Path { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public ulong? Size { get; set; }
    public uint Mode { get; set; }
    public string? Permissions { get; set; }
    public DateTimeOffset Mtime { get; set; }
    public DateTimeOffset Atime { get; set; }
    public DateTimeOffset Ctime { get; set; }
    public ulong? Inode { get; set; }
    public string? User { get; set; }
    public string? Group { get; set; }
    public ulong? DeviceId { get; set; }
    public ulong? Links { get; set; }
    public string? Linktarget { get; set; }
}

/// <summary>One snapshot's entry in the <c>find</c> document.</summary>
internal sealed class FindResultDto
{
    public NodeDto[]? Matches { get; set; }
    public ulong Hits { get; set; }
    public string? Snapshot { get; set; }
}

/// <summary>A <c>diff</c> change line.</summary>
internal sealed class DiffChangeDto
{
    public string? Path { get; set; }
    public string? Modifier { get; set; }
}

internal sealed class DiffStatDto
{
    public long Files { get; set; }
    public long Dirs { get; set; }
    public long Others { get; set; }
    public long DataBlobs { get; set; }
    public long TreeBlobs { get; set; }
    public ulong Bytes { get; set; }
}

/// <summary>The last line of <c>diff</c>.</summary>
internal sealed class DiffStatisticsDto
{
    public string? SourceSnapshot { get; set; }
    public string? TargetSnapshot { get; set; }
    public long ChangedFiles { get; set; }
    public DiffStatDto? Added { get; set; }
    public DiffStatDto? Removed { get; set; }
}

/// <summary>A <c>tag --json</c> line (0.18+): <c>changed</c> or <c>summary</c>.</summary>
internal sealed class TagLineDto
{
    public string? OldSnapshotId { get; set; }
    public string? NewSnapshotId { get; set; }
    public int ChangedSnapshots { get; set; }
}

/// <summary>An entry of <c>key list --json</c>; its keys are camelCase, unlike the rest of restic's JSON.</summary>
internal sealed class KeyDto
{
    public bool Current { get; set; }
    public string? Id { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("userName")]
    public string? UserName { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("hostName")]
    public string? HostName { get; set; }

    public string? Created { get; set; }
}
