// Wire DTOs of the commands beyond the core set (locks, listings, keys, tags, ...). Like WireDtos.cs,
// they mirror restic's JSON one to one and stay internal.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA1819 // Arrays mirror JSON arrays here.

namespace Restic.Net.Serialization;

/// <summary>A lock file as <c>cat lock</c> prints it.</summary>
internal sealed class LockDto
{
    public DateTimeOffset Time { get; set; }
    public bool Exclusive { get; set; }
    public string? Hostname { get; set; }
    public string? Username { get; set; }
    public int Pid { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
}
