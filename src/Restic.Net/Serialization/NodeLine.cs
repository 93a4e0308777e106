using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Restic.Net.Serialization;

/// <summary>
/// The hot path of <c>ls</c>: reads a node line in one pass straight into a <see cref="SnapshotNode"/>,
/// with no intermediate DTO and no string for the type, permissions or message type. Any line it does
/// not fully understand (another message type, an unexpected token, escaped property names) is left
/// to the source-generated <see cref="NodeDto"/> path, which then decides exactly as before.
/// </summary>
internal static class NodeLine
{
    // The values that repeat on every line: interned rather than allocated per node.
    private static readonly string[] KnownTypes = ["file", "dir", "symlink", "dev", "chardev", "fifo", "socket", "irregular"];

    private static readonly string[] KnownPermissions =
    [
        "-rw-r--r--", "drwxr-xr-x", "-rwxr-xr-x", "-rw-------", "drwx------", "-rw-rw-r--", "drwxrwxr-x", "Lrwxrwxrwx",
        "-rw-rw-rw-", "drwxrwxrwx", "-rwxrwxr-x", "-r--r--r--", "-rwx------", "dtrwxrwxrwx", "-rw-r-----", "drwxr-x---",
    ];

    private static readonly byte[][] KnownTypesUtf8 = ToUtf8(KnownTypes);
    private static readonly byte[][] KnownPermissionsUtf8 = ToUtf8(KnownPermissions);

    /// <summary>Reads a node line; false when the line is anything else or needs the general path.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, [NotNullWhen(true)] out SnapshotNode? node)
    {
        node = null;
        try
        {
            return TryReadCore(line, out node);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadCore(ReadOnlySpan<byte> line, [NotNullWhen(true)] out SnapshotNode? node)
    {
        node = null;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? name = null, type = null, path = null, permissions = null, user = null, group = null, linkTarget = null;
        uint uid = 0, gid = 0, mode = 0;
        ulong? size = null, inode = null, deviceId = null, links = null;
        DateTimeOffset mtime = default, atime = default, ctime = default;
        var isNode = false;
        var sawMessageType = false;

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
            {
                return false;
            }

            var property = reader.ValueSpan;
            if (!reader.Read())
            {
                return false;
            }

            var ok = property.Length switch
            {
                3 when property.SequenceEqual("uid"u8) => TryUInt32(ref reader, out uid),
                3 when property.SequenceEqual("gid"u8) => TryUInt32(ref reader, out gid),
                4 when property.SequenceEqual("name"u8) => TryString(ref reader, out name),
                4 when property.SequenceEqual("type"u8) => TryInterned(ref reader, KnownTypes, KnownTypesUtf8, out type),
                4 when property.SequenceEqual("path"u8) => TryString(ref reader, out path),
                4 when property.SequenceEqual("size"u8) => TryOptionalUInt64(ref reader, out size),
                4 when property.SequenceEqual("mode"u8) => TryUInt32(ref reader, out mode),
                4 when property.SequenceEqual("user"u8) => TryString(ref reader, out user),
                5 when property.SequenceEqual("mtime"u8) => TryTime(ref reader, out mtime),
                5 when property.SequenceEqual("atime"u8) => TryTime(ref reader, out atime),
                5 when property.SequenceEqual("ctime"u8) => TryTime(ref reader, out ctime),
                5 when property.SequenceEqual("inode"u8) => TryOptionalUInt64(ref reader, out inode),
                5 when property.SequenceEqual("group"u8) => TryString(ref reader, out group),
                5 when property.SequenceEqual("links"u8) => TryOptionalUInt64(ref reader, out links),
                9 when property.SequenceEqual("device_id"u8) => TryOptionalUInt64(ref reader, out deviceId),
                10 when property.SequenceEqual("linktarget"u8) => TryString(ref reader, out linkTarget),
                11 when property.SequenceEqual("permissions"u8) => TryInterned(ref reader, KnownPermissions, KnownPermissionsUtf8, out permissions),
                11 when property.SequenceEqual("struct_type"u8) => TryMessageType(ref reader, ref sawMessageType, ref isNode),
                12 when property.SequenceEqual("message_type"u8) => TryMessageType(ref reader, ref sawMessageType, ref isNode),
                _ => reader.TrySkip(),
            };

            if (!ok)
            {
                return false;
            }
        }

        // The line must end with the object, as the serializer requires.
        if (!isNode || reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
        {
            return false;
        }

        // The same projection as SurfaceProjections.ToNode.
        path ??= string.Empty;
        node = new SnapshotNode
        {
            Name = name ?? path[(path.LastIndexOf('/') + 1)..],
            Type = new NodeType(type ?? string.Empty),
            Path = path,
            Size = size ?? (type == "file" ? 0UL : null),
            Mode = SurfaceProjections.ToUnixFileMode(mode),
            Permissions = permissions ?? string.Empty,
            Uid = uid,
            Gid = gid,
            User = user,
            Group = group,
            ModificationTime = mtime,
            AccessTime = atime,
            ChangeTime = ctime,
            Inode = inode,
            Links = links,
            LinkTarget = linkTarget,
            DeviceId = deviceId,
        };
        return true;
    }

    // The first of message_type and struct_type decides, as in JsonLine.TryGetMessageType.
    private static bool TryMessageType(ref Utf8JsonReader reader, ref bool seen, ref bool isNode)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        if (!seen)
        {
            seen = true;
            isNode = reader.ValueSpan.SequenceEqual("node"u8);
        }

        return true;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            case JsonTokenType.Null:
                return true;
            default:
                return false;
        }
    }

    private static bool TryInterned(ref Utf8JsonReader reader, string[] known, byte[][] knownUtf8, out string? value)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < knownUtf8.Length; i++)
            {
                if (span.SequenceEqual(knownUtf8[i]))
                {
                    value = known[i];
                    return true;
                }
            }
        }

        return TryString(ref reader, out value);
    }

    private static bool TryUInt32(ref Utf8JsonReader reader, out uint value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out value);
    }

    private static bool TryOptionalUInt64(ref Utf8JsonReader reader, out ulong? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    private static bool TryTime(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value);
    }

    private static byte[][] ToUtf8(string[] values)
    {
        var result = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = System.Text.Encoding.UTF8.GetBytes(values[i]);
        }

        return result;
    }
}
