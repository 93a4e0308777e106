using System.Buffers;
using ZstdSharp;

namespace Restic.Net.Repository.Format;

/// <summary>
/// zstd decompression of repository format 2's compressed blobs and files: the platform's libzstd where present
/// (<see cref="LibZstd"/>), else ZstdSharp. A test checks that both give the same answer, damaged input included.
/// </summary>
internal static class Zstd
{
    /// <summary>
    /// Decompresses a file whose size is not known in advance, up to <paramref name="maxSize"/> bytes: the output grows
    /// as it is produced and decompression stops as soon as it passes the limit, so a small file that inflates without
    /// end (a decompression bomb) costs at most about the limit. Null with the problem when damaged or too large.
    /// </summary>
    public static ReadOnlyMemory<byte>? TryDecompress(ReadOnlySpan<byte> compressed, int maxSize, out string? problem, out bool tooLarge, bool useNative = true)
    {
        problem = null;
        tooLarge = false;

        // restic's writer declares the content size: natively, into exactly that many bytes. Anything else (no size, a
        // size that is wrong, several frames, damage) takes the streaming path, which tells what is wrong.
        var declared = DeclaredSize(compressed);
        if (useNative && LibZstd.IsAvailable && declared is > 0 && declared <= (ulong)maxSize)
        {
            var output = new byte[declared];
            if (LibZstd.TryDecompress(compressed, output) == (long)declared)
            {
                return output;
            }
        }

        try
        {
            using var decompressor = new Decompressor();

            // restic's writer declares the content size: one buffer of the right size. Without it, start small and grow.
            var buffer = new byte[(int)Math.Min(Math.Max(declared, 4096UL), (ulong)maxSize + 1)];
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

    [ThreadStatic]
    private static Decompressor? t_decompressor;

    /// <summary>Decompresses into exactly <paramref name="destination"/>; false when damaged or of another length.</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> compressed, Span<byte> destination, bool useNative = true)
    {
        if (useNative && LibZstd.IsAvailable)
        {
            return LibZstd.TryDecompress(compressed, destination) == destination.Length;
        }

        // One decompression context per thread, reused: a new one per blob costs its allocation and setup every time.
        var decompressor = t_decompressor ??= new Decompressor();
        try
        {
            return decompressor.TryUnwrap(compressed, destination, out var written) && written == destination.Length;
        }
        catch (ZstdException)
        {
            // Not reused after a failure: a fresh context for the next blob.
            t_decompressor = null;
            decompressor.Dispose();
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
