using ZstdSharp;

namespace Restic.Net.Repository.Format;

/// <summary>zstd decompression (ZstdSharp) of repository format 2's compressed blobs and files.</summary>
internal static class Zstd
{
    /// <summary>Decompresses a frame whose size is not known in advance; null with the problem when damaged or too large.</summary>
    public static byte[]? TryDecompress(ReadOnlySpan<byte> compressed, int maxSize, out string? problem)
    {
        problem = null;
        try
        {
            using var decompressor = new Decompressor();
            return decompressor.Unwrap(compressed, maxSize).ToArray();
        }
        catch (ZstdException exception)
        {
            problem = $"zstd: {exception.Message}";
            return null;
        }
    }

    /// <summary>Decompresses into exactly <paramref name="destination"/>; false when damaged or of another length.</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> compressed, Span<byte> destination)
    {
        try
        {
            using var decompressor = new Decompressor();
            return decompressor.TryUnwrap(compressed, destination, out var written) && written == destination.Length;
        }
        catch (ZstdException)
        {
            return false;
        }
    }
}
