namespace Restic.Net.Repository.Format;

/// <summary>
/// The plaintext of a file outside the packs (config, snapshot, index): JSON as is when it starts with
/// <c>{</c> or <c>[</c>, else an encoding version byte; version 2 is zstd-compressed JSON (repository format 2).
/// </summary>
internal static class UnpackedFile
{
    /// <summary>
    /// The JSON document, at most <paramref name="maxSize"/> bytes; null with the problem when the encoding is
    /// unknown, the compressed data is damaged or the document is larger (<paramref name="tooLarge"/>).
    /// </summary>
    public static ReadOnlyMemory<byte>? Decode(byte[] plaintext, int maxSize, out string? problem, out bool tooLarge)
    {
        problem = null;
        tooLarge = plaintext.Length > maxSize && plaintext is [(byte)'{' or (byte)'[', ..];
        if (plaintext.Length == 0)
        {
            problem = "the file is empty";
            return null;
        }

        switch (plaintext[0])
        {
            case (byte)'{' or (byte)'[' when plaintext.Length > maxSize:
                problem = $"it is {plaintext.Length} bytes of JSON, more than {maxSize}";
                return null;
            case (byte)'{' or (byte)'[':
                return plaintext;
            case 2:
                return Zstd.TryDecompress(plaintext.AsSpan(1), maxSize, out problem, out tooLarge);
            default:
                problem = $"unknown encoding version {plaintext[0]}";
                return null;
        }
    }

    /// <summary>
    /// The most bytes a stored file whose JSON is at most <paramref name="maxSize"/> bytes can take: zstd adds at most
    /// 1/128 to data it cannot compress, plus frame headers, the version byte, the IV and the MAC.
    /// </summary>
    public static long MaxStoredSize(int maxSize) => maxSize + (maxSize >> 7) + 65_536L;
}
