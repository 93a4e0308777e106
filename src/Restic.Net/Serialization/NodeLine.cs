using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Restic.Net.Serialization;

/// <summary>
/// The hot path of <c>ls</c>: reads a node line in one pass straight into a <see cref="SnapshotNode"/>,
/// with no intermediate DTO and no string for the type, permissions or message type.
/// <para>
/// Two readers, fastest first. restic's lines come from Go's encoder: compact, and almost never with
/// an escape. Such a line is scanned directly (quotes delimit strings exactly when there is no
/// backslash). A line with escapes, nesting or anything unusual goes to <see cref="Utf8JsonReader"/>;
/// what that one does not fully understand (another message type, an unexpected token, escaped
/// property names) is left to the source-generated <see cref="NodeDto"/> path, which then decides
/// exactly as before (including the error for a malformed line).
/// </para>
/// <para>
/// The methods of the scan are compiled fully optimized at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a listing lasts seconds, about as long as
/// tiered compilation takes to promote them, so most lines would otherwise be read by unoptimized
/// code (measured: a quarter less CPU in a process listing 200,000 nodes).
/// </para>
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

    private const int LastTimeCapacity = 40;

    private enum Property
    {
        Other,
        Uid,
        Gid,
        Name,
        Type,
        Path,
        Size,
        Mode,
        User,
        Mtime,
        Atime,
        Ctime,
        Inode,
        Group,
        Links,
        DeviceId,
        LinkTarget,
        Permissions,
        MessageType,
    }

    /// <summary>Reads a node line; false when the line is anything else or needs the general path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(ReadOnlySpan<byte> line, [NotNullWhen(true)] out SnapshotNode? node)
    {
        node = null;
        var fields = default(Fields);
        if (TryScan(line, ref fields) || TryReadWithReader(line, ref fields))
        {
            node = fields.ToNode();
            return true;
        }

        return false;
    }

    /// <summary>The direct scan of a compact line without escapes; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryScan(ReadOnlySpan<byte> line, ref Fields fields)
    {
        // Without a backslash, control character or invalid UTF-8, a string ends at the next quote.
        if (line.Length < 2 || line[0] != '{' || line[^1] != '}' ||
            line.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || line.Contains((byte)'\\') || !Utf8.IsValid(line))
        {
            return false;
        }

        var position = 1;
        while (true)
        {
            // "key":
            if (line[position] != '"')
            {
                return false;
            }

            var keyLength = line[(position + 1)..].IndexOf((byte)'"');
            if (keyLength < 0 || position + keyLength + 2 >= line.Length || line[position + keyLength + 2] != ':')
            {
                return false;
            }

            var property = Identify(line.Slice(position + 1, keyLength));
            position += keyLength + 3;

            // The value: a string, a number, null, true or false (anything nested takes the general path).
            var first = line[position];
            ReadOnlySpan<byte> value;
            var isString = false;
            if (first == '"')
            {
                var length = line[(position + 1)..].IndexOf((byte)'"');
                if (length < 0)
                {
                    return false;
                }

                value = line.Slice(position + 1, length);
                isString = true;
                position += length + 2;
            }
            else
            {
                var length = line[position..].IndexOfAny((byte)',', (byte)'}');
                if (length <= 0)
                {
                    return false;
                }

                value = line.Slice(position, length);
                position += length;
                if (!IsLiteral(value))
                {
                    return false;
                }
            }

            if (!fields.TrySet(property, value, isString))
            {
                return false;
            }

            // , or the closing brace, which must end the line.
            if (line[position] == '}')
            {
                return position == line.Length - 1 && fields.IsNode;
            }

            if (line[position] != ',' || ++position >= line.Length)
            {
                return false;
            }
        }
    }

    /// <summary>The general reader, for lines with escapes or nesting; false when the DTO path must decide.</summary>
    private static bool TryReadWithReader(ReadOnlySpan<byte> line, ref Fields fields)
    {
        fields = default;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

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

                var property = Identify(reader.ValueSpan);
                if (!reader.Read() || !(property == Property.Other ? reader.TrySkip() : fields.TrySet(property, ref reader)))
                {
                    return false;
                }
            }

            // The line must end with the object, as the serializer requires.
            return fields.IsNode && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Property Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("uid"u8) => Property.Uid,
        3 when name.SequenceEqual("gid"u8) => Property.Gid,
        4 when name.SequenceEqual("name"u8) => Property.Name,
        4 when name.SequenceEqual("type"u8) => Property.Type,
        4 when name.SequenceEqual("path"u8) => Property.Path,
        4 when name.SequenceEqual("size"u8) => Property.Size,
        4 when name.SequenceEqual("mode"u8) => Property.Mode,
        4 when name.SequenceEqual("user"u8) => Property.User,
        5 when name.SequenceEqual("mtime"u8) => Property.Mtime,
        5 when name.SequenceEqual("atime"u8) => Property.Atime,
        5 when name.SequenceEqual("ctime"u8) => Property.Ctime,
        5 when name.SequenceEqual("inode"u8) => Property.Inode,
        5 when name.SequenceEqual("group"u8) => Property.Group,
        5 when name.SequenceEqual("links"u8) => Property.Links,
        9 when name.SequenceEqual("device_id"u8) => Property.DeviceId,
        10 when name.SequenceEqual("linktarget"u8) => Property.LinkTarget,
        11 when name.SequenceEqual("permissions"u8) => Property.Permissions,
        11 when name.SequenceEqual("struct_type"u8) => Property.MessageType,
        12 when name.SequenceEqual("message_type"u8) => Property.MessageType,
        _ => Property.Other,
    };

    /// <summary>A JSON number, <c>null</c>, <c>true</c> or <c>false</c>, exactly as the grammar allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsLiteral(ReadOnlySpan<byte> value)
    {
        if (value.SequenceEqual("null"u8) || value.SequenceEqual("true"u8) || value.SequenceEqual("false"u8))
        {
            return true;
        }

        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        var i = 0;
        if (value[i] == '-' && ++i == value.Length)
        {
            return false;
        }

        if (value[i] == '0')
        {
            i++;
        }
        else if (!SkipDigits(value, ref i))
        {
            return false;
        }

        if (i < value.Length && value[i] == '.' && (++i == value.Length || !SkipDigits(value, ref i)))
        {
            return false;
        }

        if (i < value.Length && (value[i] | 0x20) == 'e')
        {
            i++;
            if (i < value.Length && value[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (i == value.Length || !SkipDigits(value, ref i))
            {
                return false;
            }
        }

        return i == value.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipDigits(ReadOnlySpan<byte> value, ref int i)
    {
        var start = i;
        while (i < value.Length && (uint)(value[i] - '0') <= 9)
        {
            i++;
        }

        return i > start;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Intern(ReadOnlySpan<byte> value, string[] known, byte[][] knownUtf8)
    {
        for (var i = 0; i < knownUtf8.Length; i++)
        {
            if (value.SequenceEqual(knownUtf8[i]))
            {
                return known[i];
            }
        }

        return Encoding.UTF8.GetString(value);
    }

    private static byte[][] ToUtf8(string[] values)
    {
        var result = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(values[i]);
        }

        return result;
    }

    /// <summary>What a node line said, field by field; the same defaults as <see cref="NodeDto"/>.</summary>
    private struct Fields
    {
        private string? _name, _type, _path, _permissions, _user, _group, _linkTarget;
        private uint _uid, _gid, _mode;
        private ulong? _size, _inode, _deviceId, _links;
        private DateTimeOffset _mtime, _atime, _ctime;
        private bool _sawMessageType;
        private LastTimeBuffer _lastTimeText;
        private int _lastTimeLength;
        private DateTimeOffset _lastTime;

        public bool IsNode { get; private set; }

        /// <summary>Sets a field from the scanner's raw value (unescaped, valid UTF-8, a valid literal when not a string).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TrySet(Property property, ReadOnlySpan<byte> value, bool isString)
        {
            var isNull = !isString && value.SequenceEqual("null"u8);
            switch (property)
            {
                case Property.Other:
                    return true;
                case Property.Uid:
                    return !isString && TryUInt32(value, out _uid);
                case Property.Gid:
                    return !isString && TryUInt32(value, out _gid);
                case Property.Mode:
                    return !isString && TryUInt32(value, out _mode);
                case Property.Size:
                    return TryOptionalUInt64(value, isString, isNull, out _size);
                case Property.Inode:
                    return TryOptionalUInt64(value, isString, isNull, out _inode);
                case Property.DeviceId:
                    return TryOptionalUInt64(value, isString, isNull, out _deviceId);
                case Property.Links:
                    return TryOptionalUInt64(value, isString, isNull, out _links);
                case Property.Mtime:
                    return isString && TryTime(value, out _mtime);
                case Property.Atime:
                    return isString && TryTime(value, out _atime);
                case Property.Ctime:
                    return isString && TryTime(value, out _ctime);
                case Property.MessageType:
                    return isString && SetMessageType(value);
                default:
                    if (!isString && !isNull)
                    {
                        return false;
                    }

                    var text = !isString ? null
                        : property == Property.Type ? Intern(value, KnownTypes, KnownTypesUtf8)
                        : property == Property.Permissions ? Intern(value, KnownPermissions, KnownPermissionsUtf8)
                        : Encoding.UTF8.GetString(value);
                    SetString(property, text);
                    return true;
            }
        }

        /// <summary>Sets a field from the reader positioned on its value.</summary>
        public bool TrySet(Property property, ref Utf8JsonReader reader)
        {
            var token = reader.TokenType;
            switch (property)
            {
                case Property.Uid:
                    return token == JsonTokenType.Number && reader.TryGetUInt32(out _uid);
                case Property.Gid:
                    return token == JsonTokenType.Number && reader.TryGetUInt32(out _gid);
                case Property.Mode:
                    return token == JsonTokenType.Number && reader.TryGetUInt32(out _mode);
                case Property.Size:
                    return TryOptionalUInt64(ref reader, out _size);
                case Property.Inode:
                    return TryOptionalUInt64(ref reader, out _inode);
                case Property.DeviceId:
                    return TryOptionalUInt64(ref reader, out _deviceId);
                case Property.Links:
                    return TryOptionalUInt64(ref reader, out _links);
                case Property.Mtime:
                    return TryTime(ref reader, out _mtime);
                case Property.Atime:
                    return TryTime(ref reader, out _atime);
                case Property.Ctime:
                    return TryTime(ref reader, out _ctime);
                case Property.MessageType:
                    return token == JsonTokenType.String && !reader.ValueIsEscaped && SetMessageType(reader.ValueSpan);
                default:
                    if (token == JsonTokenType.Null)
                    {
                        SetString(property, null);
                        return true;
                    }

                    if (token != JsonTokenType.String)
                    {
                        return false;
                    }

                    var text = reader.ValueIsEscaped ? reader.GetString()
                        : property == Property.Type ? Intern(reader.ValueSpan, KnownTypes, KnownTypesUtf8)
                        : property == Property.Permissions ? Intern(reader.ValueSpan, KnownPermissions, KnownPermissionsUtf8)
                        : reader.GetString();
                    SetString(property, text);
                    return true;
            }
        }

        /// <summary>The same projection as <see cref="Projections.ToNode"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly SnapshotNode ToNode()
        {
            var path = _path ?? string.Empty;
            return new SnapshotNode
            {
                Name = _name ?? path[(path.LastIndexOf('/') + 1)..],
                Type = new NodeType(_type ?? string.Empty),
                Path = path,
                Size = Saturate(_size) ?? (_type == "file" ? 0L : null),
                Mode = Projections.ToUnixFileMode(_mode),
                Permissions = _permissions ?? string.Empty,
                Uid = _uid,
                Gid = _gid,
                UserName = _user,
                GroupName = _group,
                ModificationTime = _mtime,
                AccessTime = _atime,
                ChangeTime = _ctime,
                Inode = _inode,
                Links = Saturate(_links),
                LinkTarget = _linkTarget,
                DeviceId = _deviceId,
            };
        }

        // A node's three times are often the same text: parsed once.
        private bool TryTime(ReadOnlySpan<byte> value, out DateTimeOffset result)
        {
            if (_lastTimeLength == value.Length && _lastTimeLength > 0 && value.SequenceEqual(_lastTimeText[.._lastTimeLength]))
            {
                result = _lastTime;
                return true;
            }

            if (!ResticTime.TryParse(value, out result))
            {
                return false;
            }

            if (value.Length <= LastTimeCapacity)
            {
                value.CopyTo(_lastTimeText);
                _lastTimeLength = value.Length;
                _lastTime = result;
            }

            return true;
        }

        private static bool TryUInt32(ReadOnlySpan<byte> value, out uint result) =>
            Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

        // As SaturatingInt64Converter does for the DTO path.
        private static long? Saturate(ulong? value) => value is { } v ? (v > long.MaxValue ? long.MaxValue : (long)v) : null;

        private static bool TryOptionalUInt64(ReadOnlySpan<byte> value, bool isString, bool isNull, out ulong? result)
        {
            result = null;
            if (isNull)
            {
                return true;
            }

            if (!isString && Utf8Parser.TryParse(value, out ulong number, out var consumed) && consumed == value.Length)
            {
                result = number;
                return true;
            }

            return false;
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

        // Every time restic writes (years 0 to 9999, any offset), as the DTO path's ResticTimeConverter reads it.
        private static bool TryTime(ref Utf8JsonReader reader, out DateTimeOffset value) =>
            ResticTime.TryRead(ref reader, out value) || (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value));

        // The first of message_type and struct_type decides, as in JsonLine.TryGetMessageType.
        private bool SetMessageType(ReadOnlySpan<byte> value)
        {
            if (!_sawMessageType)
            {
                _sawMessageType = true;
                IsNode = value.SequenceEqual("node"u8);
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void SetString(Property property, string? value)
        {
            switch (property)
            {
                case Property.Name:
                    _name = value;
                    break;
                case Property.Type:
                    _type = value;
                    break;
                case Property.Path:
                    _path = value;
                    break;
                case Property.User:
                    _user = value;
                    break;
                case Property.Group:
                    _group = value;
                    break;
                case Property.LinkTarget:
                    _linkTarget = value;
                    break;
                case Property.Permissions:
                    _permissions = value;
                    break;
            }
        }
    }

    [System.Runtime.CompilerServices.InlineArray(LastTimeCapacity)]
    private struct LastTimeBuffer
    {
        private byte _first;
    }
}
