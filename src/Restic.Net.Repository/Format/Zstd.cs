using System.Buffers;
using ZstdSharp;

namespace Restic.Net.Repository.Format;

/// <summary>zstd decompression (ZstdSharp) of repository format 2's compressed blobs and files.</summary>
internal static class Zstd
{
    /// <summary>
    /// Decompresses a file whose size is not known in advance, up to <paramref name="maxSize"/> bytes: the output grows
    /// as it is produced and decompression stops as soon as it passes the limit, so a small file that inflates without
    /// end (a decompression bomb) costs at most about the limit. Null with the problem when damaged or too large.
    /// </summary>
    public static ReadOnlyMemory<byte>? TryDecompress(ReadOnlySpan<byte> compressed, int maxSize, out string? problem, out bool tooLarge)
    {
        problem = null;
        tooLarge = false;
        try
        {
            using var decompressor = new Decompressor();

            // restic's writer declares the content size: one buffer of the right size. Without it, start small and grow.
            var buffer = new byte[(int)Math.Min(Math.Max(DeclaredSize(compressed), 4096UL), (ulong)maxSize + 1)];
            var produced = 0;
            var input = compressed;
            while (true)
            {
                var status = decompressor.UnwrapStream(input, buffer.AsSpan(produced), out var consumed, out var written);
                input = input[consumed..];
                produced += written;
                if (produced > maxSize)
                {
                    problem = $"it decompresses to more than {maxSize} bytes";
                    tooLarge = true;
                    return null;
                }

                var progressed = consumed > 0 || written > 0;
                switch (status)
                {
                    case OperationStatus.Done when input.IsEmpty:
                        return buffer.AsMemory(0, produced);
                    case OperationStatus.Done when progressed:
                        continue; // another frame follows
                    case OperationStatus.DestinationTooSmall when produced == buffer.Length:
                        // One byte beyond the limit tells "too large" from "exactly the limit".
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)maxSize + 1));
                        continue;
                    case OperationStatus.DestinationTooSmall when progressed:
                        continue;
                    default:
                        problem = "zstd: the compressed data ends early or is damaged";
                        return null;
                }
            }
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

    // The frame's declared content size (or ZstdSharp's upper bound), only a first guess for the buffer; 0 when unknown.
    private static ulong DeclaredSize(ReadOnlySpan<byte> compressed)
    {
        try
        {
            return Decompressor.GetDecompressedSize(compressed);
        }
        catch (ZstdException)
        {
            return 0;
        }
    }
}
