using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Restic.Net.Repository.Crypto;
using ZstdSharp;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// Writes files into a copy of a repository as someone who holds its key can: sealed with the master key
/// (restic's IV ‖ AES-256-CTR ciphertext ‖ Poly1305-AES MAC, from the libraries the reader uses) and named by
/// their hash, so that they authenticate. For tests of what a hostile repository owner can make the reader do.
/// </summary>
internal sealed class RepositoryWriter
{
    private readonly byte[] _encryption;
    private readonly byte[] _authentication;
    private readonly string _repository;

    private RepositoryWriter(string repository, byte[] encryption, byte[] authentication)
    {
        _repository = repository;
        _encryption = encryption;
        _authentication = authentication;
    }

    /// <summary>Opens the first key file of the repository with the test password, as restic does.</summary>
    public static RepositoryWriter Open(string repository)
    {
        var keyFile = Directory.EnumerateFiles(Path.Combine(repository, "keys")).First();
        using var key = JsonDocument.Parse(File.ReadAllBytes(keyFile));
        var root = key.RootElement;
        var derived = Scrypt.DeriveKey(
            Encoding.UTF8.GetBytes(TestRestic.Password), Convert.FromBase64String(root.GetProperty("salt").GetString()!),
            root.GetProperty("N").GetInt32(), root.GetProperty("r").GetInt32(), root.GetProperty("p").GetInt32(), 64);
        var data = Convert.FromBase64String(root.GetProperty("data").GetString()!);
        var plaintext = new byte[data.Length - MasterKey.Overhead];
        using (var user = MasterKey.FromDerived(derived))
        {
            Assert.True(user.TryOpen(data, plaintext));
        }

        using var master = JsonDocument.Parse(plaintext);
        var mac = master.RootElement.GetProperty("mac");

        // Poly1305-AES as BouncyCastle takes it: r, then k.
        byte[] authentication = [.. Convert.FromBase64String(mac.GetProperty("r").GetString()!), .. Convert.FromBase64String(mac.GetProperty("k").GetString()!)];
        return new RepositoryWriter(repository, Convert.FromBase64String(master.RootElement.GetProperty("encrypt").GetString()!), authentication);
    }

    /// <summary>zstd-compressed JSON as format 2 stores an unpacked file (version byte 2), with or without the frame's content size.</summary>
    public static byte[] Compressed(byte[] json, bool declareSize)
    {
        byte[] frame;
        if (declareSize)
        {
            using var compressor = new Compressor(19);
            frame = compressor.Wrap(json).ToArray();
        }
        else
        {
            using var memory = new MemoryStream();
            using (var stream = new CompressionStream(memory, 19))
            {
                stream.Write(json);
            }

            frame = memory.ToArray();
        }

        return [2, .. frame];
    }

    /// <summary>Seals <paramref name="plaintext"/> and stores it in a folder (snapshots, index) under its hash; returns the name.</summary>
    public string Write(string folder, byte[] plaintext)
    {
        var content = Seal(plaintext);
        var name = Convert.ToHexStringLower(SHA256.HashData(content));
        File.WriteAllBytes(Path.Combine(_repository, folder, name), content);
        return name;
    }

    private byte[] Seal(byte[] plaintext)
    {
        var sealedData = new byte[MasterKey.Overhead + plaintext.Length];
        var iv = RandomNumberGenerator.GetBytes(MasterKey.IvSize);
        iv.CopyTo(sealedData, 0);
        var ciphertext = sealedData.AsSpan(MasterKey.IvSize, plaintext.Length);
        AesCtr.Apply(_encryption, iv, plaintext, ciphertext);
        var poly = new Poly1305(new AesEngine());
        poly.Init(new ParametersWithIV(new KeyParameter(_authentication), iv));
        poly.BlockUpdate(ciphertext);
        poly.DoFinal(sealedData.AsSpan(MasterKey.IvSize + plaintext.Length));
        return sealedData;
    }
}
