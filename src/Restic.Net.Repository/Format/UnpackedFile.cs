namespace Restic.Net.Repository.Format;

/// <summary>
/// The plaintext of a file outside the packs (config, snapshot, index): JSON as is when it starts with
/// <c>{</c> or <c>[</c>, else an encoding version byte; version 2 is zstd-compressed JSON (repository format 2).
/// </summary>
internal static class UnpackedFile
{
    /// <summary>A decompressed unpacked file may be at most this large (restic keeps index files below 8 MiB).</summary>
    public const int MaxSize = 256 << 20;

    /// <summary>The JSON document, or null when the encoding is unknown or the compressed data is damaged.</summary>
    public static byte[]? Decode(byte[] plaintext, out string? problem)
    {
        problem = null;
        if (plaintext.Length == 0)
        {
            problem = "the file is empty";
            return null;
        }

        switch (plaintext[0])
        {
            case (byte)'{' or (byte)'[':
                return plaintext;
            case 2:
                return Zstd.TryDecompress(plaintext.AsSpan(1), MaxSize, out problem);
            default:
                problem = $"unknown encoding version {plaintext[0]}";
                return null;
        }
    }
}
