using System.Runtime.InteropServices;

namespace Restic.Net.Repository.Format;

/// <summary>
/// The platform's zstd library (libzstd 1.x, which Debian's dpkg itself depends on), preferred to ZstdSharp where it
/// is present: native code decompresses from the first byte at full speed, where ZstdSharp's managed port first runs
/// unoptimized until the JIT recompiles it, most of a one-shot process's listing. Null where there is none (Windows,
/// macOS) or <c>RESTIC_NET_ZSTD=managed</c> asks for ZstdSharp alone.
/// </summary>
internal static unsafe class LibZstd
{
    private static readonly nint s_library = Load();

    private static readonly delegate* unmanaged<byte*, nuint, byte*, nuint, nuint> s_decompress =
        (delegate* unmanaged<byte*, nuint, byte*, nuint, nuint>)Export("ZSTD_decompress");

    private static readonly delegate* unmanaged<nuint, uint> s_isError = (delegate* unmanaged<nuint, uint>)Export("ZSTD_isError");

    /// <summary>True when the native library decompresses.</summary>
    public static bool IsAvailable => s_decompress != null && s_isError != null;

    /// <summary>
    /// Decompresses every frame of <paramref name="compressed"/> into <paramref name="destination"/>, never past its end;
    /// the number of bytes written, or -1 when the data is damaged or needs more room.
    /// </summary>
    public static long TryDecompress(ReadOnlySpan<byte> compressed, Span<byte> destination)
    {
        fixed (byte* source = compressed, target = destination)
        {
            // A non-null pointer even for an empty span: zstd reads its size first.
            byte empty = 0;
            var result = s_decompress(target == null ? &empty : target, (nuint)destination.Length, source == null ? &empty : source, (nuint)compressed.Length);
            return s_isError(result) != 0 ? -1 : (long)result;
        }
    }

    private static nint Load()
    {
        if (Environment.GetEnvironmentVariable("RESTIC_NET_ZSTD") == "managed")
        {
            return 0;
        }

        foreach (var name in (ReadOnlySpan<string>)["libzstd.so.1", "libzstd.so", "libzstd.1.dylib"])
        {
            if (NativeLibrary.TryLoad(name, out var library))
            {
                return library;
            }
        }

        return 0;
    }

    private static nint Export(string name) =>
        s_library != 0 && NativeLibrary.TryGetExport(s_library, name, out var export) ? export : 0;
}
