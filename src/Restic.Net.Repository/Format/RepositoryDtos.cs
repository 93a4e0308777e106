using System.Text.Json.Serialization;

namespace Restic.Net.Repository.Format;

/// <summary>A file of <c>keys/</c>: the scrypt parameters and the master key encrypted with the user key.</summary>
internal sealed class KeyFileDto
{
    public string? Kdf { get; set; }

    [JsonPropertyName("N")]
    public long N { get; set; }

    [JsonPropertyName("r")]
    public long R { get; set; }

    [JsonPropertyName("p")]
    public long P { get; set; }

    public string? Salt { get; set; }

    public string? Data { get; set; }
}

/// <summary>The decrypted <c>data</c> of a key file.</summary>
internal sealed class MasterKeyDto
{
    public MacKeyDto? Mac { get; set; }

    public string? Encrypt { get; set; }
}

internal sealed class MacKeyDto
{
    public string? K { get; set; }

    public string? R { get; set; }
}

/// <summary>A tree blob: the nodes of one folder, sorted by name.</summary>
internal sealed class TreeDto
{
    public TreeNodeDto[]? Nodes { get; set; }
}

/// <summary>A node of a tree blob as restic stores it.</summary>
internal sealed class TreeNodeDto
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public uint Mode { get; set; }

    public DateTimeOffset Mtime { get; set; }

    public DateTimeOffset Atime { get; set; }

    public DateTimeOffset Ctime { get; set; }

    public uint Uid { get; set; }

    public uint Gid { get; set; }

    public ulong Inode { get; set; }

    public ulong Size { get; set; }

    public string? User { get; set; }

    public string? Group { get; set; }

    public ulong Links { get; set; }

    public string? Linktarget { get; set; }

    public ulong DeviceId { get; set; }

    /// <summary>The device number of a device node (st_rdev).</summary>
    public ulong Device { get; set; }

    /// <summary>A link target that is not UTF-8, as its bytes (it then replaces <see cref="Linktarget"/>, as restic reads it).</summary>
    public byte[]? LinktargetRaw { get; set; }

    public TreeNodeAttributeDto[]? ExtendedAttributes { get; set; }

    /// <summary>Operating-system attributes (Windows), compared as restic does: by their JSON text.</summary>
    public Dictionary<string, System.Text.Json.JsonElement>? GenericAttributes { get; set; }

    public string? Error { get; set; }

    public string[]? Content { get; set; }

    public string? Subtree { get; set; }

    /// <summary>The name as stored (Go-quoted) when its bytes are not UTF-8, so <see cref="Name"/> lost them; null otherwise.</summary>
    [JsonIgnore]
    public string? QuotedName { get; set; }
}

/// <summary>An extended attribute of a node: its name and value (base64 in the JSON).</summary>
internal sealed class TreeNodeAttributeDto
{
    public string? Name { get; set; }

    public byte[]? Value { get; set; }
}
