using System.Security.Cryptography;
using System.Text.Json;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>Damages a copy of a repository the way disks and attackers do: one byte flipped, a file cut short or gone.</summary>
internal static class RepositoryDamage
{
    /// <summary>Flips every bit of the byte at <paramref name="position"/> (negative: from the end).</summary>
    public static void FlipByte(string file, long position)
    {
        var bytes = File.ReadAllBytes(file);
        var index = position < 0 ? bytes.Length + position : position;
        bytes[index] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
    }

    /// <summary>
    /// Flips a byte and renames the file to the SHA-256 of its new content, as an attacker who knows the
    /// layout would: only the MAC can then tell.
    /// </summary>
    public static string FlipByteAndRename(string file, long position)
    {
        FlipByte(file, position);
        var name = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        var renamed = Path.Combine(Path.GetDirectoryName(file)!, name);
        File.Move(file, renamed);
        return renamed;
    }

    /// <summary>The first file of a repository folder (keys, snapshots, index).</summary>
    public static string FirstFile(string repository, string folder) =>
        Directory.EnumerateFiles(Path.Combine(repository, folder)).Order(StringComparer.Ordinal).First();

    /// <summary>
    /// Where restic's index puts the largest blob of a type: the pack file and the blob's offset, read with
    /// <c>restic cat index</c> (independent of the reader under test).
    /// </summary>
    public static async Task<(string PackFile, long Offset, long Length)> LargestBlobAsync(string repository, string cache, string type)
    {
        (string Pack, long Offset, long Length) best = default;
        foreach (var index in Directory.EnumerateFiles(Path.Combine(repository, "index")).Select(Path.GetFileName))
        {
            using var document = JsonDocument.Parse(await TestRestic.RunAsync(repository, cache, "cat", "index", index!));
            foreach (var pack in document.RootElement.GetProperty("packs").EnumerateArray())
            {
                foreach (var blob in pack.GetProperty("blobs").EnumerateArray())
                {
                    var length = blob.GetProperty("length").GetInt64();
                    if (blob.GetProperty("type").GetString() == type && length > best.Length)
                    {
                        best = (pack.GetProperty("id").GetString()!, blob.GetProperty("offset").GetInt64(), length);
                    }
                }
            }
        }

        Assert.NotNull(best.Pack);
        return (Path.Combine(repository, "data", best.Pack[..2], best.Pack), best.Offset, best.Length);
    }
}
