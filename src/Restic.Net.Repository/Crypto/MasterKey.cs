using System.Security.Cryptography;

namespace Restic.Net.Repository.Crypto;

/// <summary>
/// A restic key pair: AES-256 for encryption (counter mode) and Poly1305-AES for authentication, used as
/// restic's design document describes (IV ‖ ciphertext ‖ MAC, the MAC over the ciphertext, the IV as
/// counter and nonce). Poly1305-AES (<see cref="Poly1305Aes"/>) and AES-CTR (<see cref="AesCtr"/>) are OpenSSL's or BouncyCastle's.
/// The key bytes live in two pinned arrays (the collector never moves them, so no copy stays behind in memory it
/// freed) that <see cref="Dispose"/> zeroes. Disposal may race with a call in flight on another thread: that call
/// throws <see cref="ObjectDisposedException"/>, never a MAC mismatch or bytes decrypted with a half-zeroed key.
/// </summary>
internal sealed class MasterKey : IDisposable
{
    public const int IvSize = 16;
    public const int MacSize = 16;
    public const int Overhead = IvSize + MacSize;

    private readonly byte[] _encryption;

    // The Poly1305-AES key layout: r (16 bytes, clamped where it is used) then the AES key k.
    private readonly byte[] _authentication;
    private int _disposed;

    private MasterKey(byte[] encryption, byte[] authentication)
    {
        _encryption = encryption;
        _authentication = authentication;
    }

    /// <summary>The user key of a key file: the 64 bytes scrypt derived (32 encryption, then k and r).</summary>
    public static MasterKey FromDerived(ReadOnlySpan<byte> derived) =>
        Create(derived[..32], derived.Slice(32, 16), derived.Slice(48, 16));

    /// <summary>The repository's master key from the decrypted key file (base64 fields), or null when malformed.</summary>
    public static MasterKey? FromJson(Format.MasterKeyDto dto)
    {
        Span<byte> encryption = stackalloc byte[32];
        Span<byte> k = stackalloc byte[16];
        Span<byte> r = stackalloc byte[16];
        try
        {
            if (dto.Encrypt is null || dto.Mac?.K is null || dto.Mac.R is null ||
                !Convert.TryFromBase64String(dto.Encrypt, encryption, out var e) || e != 32 ||
                !Convert.TryFromBase64String(dto.Mac.K, k, out var kl) || kl != 16 ||
                !Convert.TryFromBase64String(dto.Mac.R, r, out var rl) || rl != 16)
            {
                return null;
            }

            return Create(encryption, k, r);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encryption);
            CryptographicOperations.ZeroMemory(k);
            CryptographicOperations.ZeroMemory(r);
        }
    }

    /// <summary>
    /// Verifies and decrypts <c>IV ‖ ciphertext ‖ MAC</c> into <paramref name="plaintext"/> (the ciphertext's
    /// length). False, with nothing written, when the MAC does not match or the input is too short.
    /// </summary>
    public bool TryOpen(ReadOnlySpan<byte> sealedData, Span<byte> plaintext)
    {
        ThrowIfDisposed();
        if (sealedData.Length < Overhead || plaintext.Length != sealedData.Length - Overhead)
        {
            return false;
        }

        var opened = TryOpenCore(sealedData, plaintext);

        // Disposal zeroes the key after it marked the key disposed: if it is not marked now, both steps used the whole key.
        Interlocked.MemoryBarrier();
        ThrowIfDisposed();
        return opened;
    }

    private bool TryOpenCore(ReadOnlySpan<byte> sealedData, Span<byte> plaintext)
    {
        var iv = sealedData[..IvSize];
        var ciphertext = sealedData[IvSize..^MacSize];
        Span<byte> computed = stackalloc byte[MacSize];
        Poly1305Aes.Compute(_authentication, iv, ciphertext, computed);
        if (!CryptographicOperations.FixedTimeEquals(computed, sealedData[^MacSize..]))
        {
            return false;
        }

        AesCtr.Apply(_encryption, iv, ciphertext, plaintext);
        return true;
    }

    /// <summary>
    /// The last resort for a key whose reader (or client) was never disposed: zeroes the arrays before the collector
    /// frees them. The arrays are reachable from this object, so they are still intact when it runs.
    /// </summary>
    ~MasterKey() => Zero();

    public void Dispose()
    {
        // Marked first, with a full fence: a call in flight that reads the mark after its work knows the key was whole.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Zero();
        }

        GC.SuppressFinalize(this);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private void Zero()
    {
        CryptographicOperations.ZeroMemory(_encryption);
        CryptographicOperations.ZeroMemory(_authentication);
    }

    private static MasterKey Create(ReadOnlySpan<byte> encryption, ReadOnlySpan<byte> k, ReadOnlySpan<byte> r)
    {
        var authentication = GC.AllocateArray<byte>(32, pinned: true);
        r.CopyTo(authentication);
        k.CopyTo(authentication.AsSpan(16));
        var encryptionKey = GC.AllocateArray<byte>(encryption.Length, pinned: true);
        encryption.CopyTo(encryptionKey);
        return new MasterKey(encryptionKey, authentication);
    }
}
