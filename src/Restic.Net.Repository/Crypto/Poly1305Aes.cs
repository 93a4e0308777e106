using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Restic.Net.Repository.Crypto;

/// <summary>
/// Poly1305-AES as restic uses it: the one-time key is r (clamped) and s = AES-128 of the nonce under k. OpenSSL's
/// Poly1305 (EVP_MAC, the CPU's vector instructions) where the platform has it, else BouncyCastle's managed one, which
/// a whole-process dump measured at about a second of CPU per GiB more, most of it before the JIT optimized it; s is
/// always BouncyCastle's single AES block. A test checks that both agree.
/// </summary>
internal static unsafe class Poly1305Aes
{
    public const int TagSize = 16;

    /// <summary>Computes the tag of <paramref name="message"/> with the key r ‖ k (32 bytes) and the 16-byte nonce.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> message, Span<byte> tag, bool useOpenSsl = true)
    {
        if (useOpenSsl && OpenSsl.HasPoly1305 && ComputeOpenSsl(key, nonce, message, tag))
        {
            return;
        }

        var mac = new Poly1305(AesUtilities.CreateEngine());
        mac.Init(new ParametersWithIV(new KeyParameter(key), nonce));
        mac.BlockUpdate(message);
        mac.DoFinal(tag);
    }

    private static bool ComputeOpenSsl(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> message, Span<byte> tag)
    {
        // OpenSSL's Poly1305 key is r ‖ s; it clamps r itself, as BouncyCastle does.
        Span<byte> oneTimeKey = stackalloc byte[32];
        try
        {
            key[..16].CopyTo(oneTimeKey);
            var aes = AesUtilities.CreateEngine();
            aes.Init(true, new KeyParameter(key[16..32]));
            aes.ProcessBlock(nonce, oneTimeKey[16..]);

            var context = OpenSsl.MacContextNew(OpenSsl.Poly1305);
            if (context == 0)
            {
                return false;
            }

            try
            {
                fixed (byte* keyPointer = oneTimeKey, messagePointer = message, tagPointer = tag)
                {
                    nuint written;
                    return OpenSsl.MacInit(context, keyPointer, 32, 0) == 1
                        && OpenSsl.MacUpdate(context, messagePointer, (nuint)message.Length) == 1
                        && OpenSsl.MacFinal(context, tagPointer, &written, (nuint)tag.Length) == 1
                        && written == TagSize;
                }
            }
            finally
            {
                OpenSsl.MacContextFree(context);
            }
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(oneTimeKey);
        }
    }
}
