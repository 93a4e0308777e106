using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Restic.Net.Repository.Index;

/// <summary>A SHA-256 storage id (of a blob's plaintext or a file's content), held as 32 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct BlobId : IEquatable<BlobId>
{
    private readonly ulong _a, _b, _c, _d;

    private BlobId(ulong a, ulong b, ulong c, ulong d)
    {
        _a = a;
        _b = b;
        _c = c;
        _d = d;
    }

    public static BlobId FromBytes(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));

    /// <summary>Parses 64 hex digits (as restic writes them, lower case; upper case is accepted).</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out BlobId id)
    {
        Span<byte> bytes = stackalloc byte[32];
        id = default;
        if (hex.Length != 64 || Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        id = FromBytes(bytes);
        return true;
    }

    /// <summary>Parses 64 hex digits given as UTF-8.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Hex, out BlobId id)
    {
        Span<char> hex = stackalloc char[64];
        id = default;
        if (utf8Hex.Length != 64)
        {
            return false;
        }

        for (var i = 0; i < 64; i++)
        {
            hex[i] = (char)utf8Hex[i];
        }

        return TryParse(hex, out id);
    }

    /// <summary>True when <paramref name="data"/> hashes to this id.</summary>
    public bool IsHashOf(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(data, hash);
        return FromBytes(hash).Equals(this);
    }

    public bool Equals(BlobId other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is BlobId other && Equals(other);

    // The bytes of a SHA-256 hash are uniformly distributed: 32 of them are as good a hash code as any.
    public override int GetHashCode() => (int)(_a >> 32);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], _d);
        return Convert.ToHexStringLower(bytes);
    }
}
