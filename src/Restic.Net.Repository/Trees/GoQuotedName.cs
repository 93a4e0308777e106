using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Restic.Net.Repository.Trees;

/// <summary>
/// restic stores a node's name as Go's <c>strconv.Quote</c> makes it, without the outer quotes, so that a name
/// that is not UTF-8 survives JSON: a quote or backslash is escaped, a byte that is not UTF-8 becomes
/// <c>\xHH</c>, an unprintable character <c>\uHHHH</c>. This undoes it as <c>strconv.Unquote</c> does.
/// </summary>
internal static class GoQuotedName
{
    /// <summary>The name; null when the text is not a quoted Go string (restic refuses such a tree too).</summary>
    public static string? Unquote(string quoted)
    {
        if (!quoted.Contains('\\', StringComparison.Ordinal))
        {
            return quoted.Contains('"', StringComparison.Ordinal) ? null : quoted;
        }

        return UnquoteToBytes(quoted) is { } bytes ? DecodeAsGoPrints(bytes) : null;
    }

    /// <summary>The name's bytes, as restic holds it; null when the text is not a quoted Go string.</summary>
    public static byte[]? UnquoteToBytes(string quoted)
    {
        var bytes = new ArrayBufferWriter<byte>(quoted.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < quoted.Length; i++)
        {
            var c = quoted[i];
            if (c != '\\')
            {
                if (c == '"')
                {
                    return null;
                }

                var length = char.IsHighSurrogate(c) && i + 1 < quoted.Length ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(quoted.AsSpan(i, length), utf8);
                bytes.Write(utf8[..written]);
                i += length - 1;
                continue;
            }

            if (++i >= quoted.Length)
            {
                return null;
            }

            switch (quoted[i])
            {
                case 'a': Add(bytes, 7); break;
                case 'b': Add(bytes, 8); break;
                case 'f': Add(bytes, 12); break;
                case 'n': Add(bytes, 10); break;
                case 'r': Add(bytes, 13); break;
                case 't': Add(bytes, 9); break;
                case 'v': Add(bytes, 11); break;
                case '\\': bytes.Write("\\"u8); break;
                case '"': bytes.Write("\""u8); break;
                case '\'': bytes.Write("'"u8); break;
                case 'x' when TryHex(quoted, i + 1, 2, out var value):
                    Add(bytes, (byte)value);
                    i += 2;
                    break;
                case >= '0' and <= '7' when TryOctal(quoted, i, out var value):
                    Add(bytes, (byte)value);
                    i += 2;
                    break;
                case 'u' when TryHex(quoted, i + 1, 4, out var rune) && Rune.IsValid(rune):
                    bytes.Write(utf8[..new Rune(rune).EncodeToUtf8(utf8)]);
                    i += 4;
                    break;
                case 'U' when TryHex(quoted, i + 1, 8, out var rune) && Rune.IsValid(rune):
                    bytes.Write(utf8[..new Rune(rune).EncodeToUtf8(utf8)]);
                    i += 8;
                    break;
                default:
                    return null;
            }
        }

        return bytes.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Bytes as restic ls prints them: Go's JSON encoder turns each byte that does not start a valid UTF-8
    /// sequence into one U+FFFD and goes on with the next byte (<c>\xf0\x9f\x98</c>, an emoji cut short, is three
    /// U+FFFD), where .NET's decoder replaces a whole cut-short sequence with one.
    /// </summary>
    public static string DecodeAsGoPrints(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done)
            {
                text.Append(rune);
                bytes = bytes[consumed..];
            }
            else
            {
                text.Append('\uFFFD');
                bytes = bytes[1..];
            }
        }

        return text.ToString();
    }

    private static void Add(ArrayBufferWriter<byte> bytes, byte value)
    {
        bytes.GetSpan(1)[0] = value;
        bytes.Advance(1);
    }

    private static bool TryHex(string text, int start, int digits, out int value)
    {
        value = 0;
        return start + digits <= text.Length &&
            int.TryParse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryOctal(string text, int start, out int value)
    {
        value = 0;
        if (start + 3 > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + 3; i++)
        {
            if (text[i] is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (text[i] - '0');
        }

        return value <= 255;
    }
}
