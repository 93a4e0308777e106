using System.Runtime.InteropServices;

namespace Restic.Net.Repository.Index;

/// <summary>Where a blob is: its pack (an index into the index's pack list), offset and stored length, kept small (20 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct BlobEntry(int Pack, uint Offset, uint Length, uint UncompressedLength, BlobType Type)
{
    /// <summary>True for a zstd-compressed blob (repository format 2); <see cref="UncompressedLength"/> is then its plaintext size.</summary>
    public bool IsCompressed => UncompressedLength != 0;

    /// <summary>The plaintext size.</summary>
    public int PlaintextLength => (int)(IsCompressed ? UncompressedLength : Length - Crypto.MasterKey.Overhead);
}
