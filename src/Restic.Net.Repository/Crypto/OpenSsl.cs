using System.Runtime.InteropServices;

namespace Restic.Net.Repository.Crypto;

/// <summary>
/// The few functions of the platform's OpenSSL (libcrypto 3, which .NET itself uses on Linux) that the reader
/// prefers to BouncyCastle's for speed: scrypt, AES-256 in counter mode, and Poly1305 (EVP_MAC). Null pointers where there is no
/// OpenSSL (Windows, macOS) or <c>RESTIC_NET_CRYPTO=bouncycastle</c> asks for BouncyCastle alone.
/// </summary>
internal static unsafe class OpenSsl
{
    private static readonly nint s_library = Load();

    public static readonly delegate* unmanaged<byte*, nuint, byte*, nuint, ulong, ulong, ulong, ulong, byte*, nuint, int> PbeScrypt =
        (delegate* unmanaged<byte*, nuint, byte*, nuint, ulong, ulong, ulong, ulong, byte*, nuint, int>)Export("EVP_PBE_scrypt");

    public static readonly delegate* unmanaged<nint> CipherContextNew = (delegate* unmanaged<nint>)Export("EVP_CIPHER_CTX_new");

    public static readonly delegate* unmanaged<nint, void> CipherContextFree = (delegate* unmanaged<nint, void>)Export("EVP_CIPHER_CTX_free");

    public static readonly delegate* unmanaged<nint> Aes256Ctr = (delegate* unmanaged<nint>)Export("EVP_aes_256_ctr");

    public static readonly delegate* unmanaged<nint, nint, nint, byte*, byte*, int> EncryptInit =
        (delegate* unmanaged<nint, nint, nint, byte*, byte*, int>)Export("EVP_EncryptInit_ex");

    public static readonly delegate* unmanaged<nint, byte*, int*, byte*, int, int> EncryptUpdate =
        (delegate* unmanaged<nint, byte*, int*, byte*, int, int>)Export("EVP_EncryptUpdate");

    public static readonly delegate* unmanaged<nint, byte*, byte*, nint> MacFetch = (delegate* unmanaged<nint, byte*, byte*, nint>)Export("EVP_MAC_fetch");

    public static readonly delegate* unmanaged<nint, nint> MacContextNew = (delegate* unmanaged<nint, nint>)Export("EVP_MAC_CTX_new");

    public static readonly delegate* unmanaged<nint, void> MacContextFree = (delegate* unmanaged<nint, void>)Export("EVP_MAC_CTX_free");

    public static readonly delegate* unmanaged<nint, byte*, nuint, nint, int> MacInit = (delegate* unmanaged<nint, byte*, nuint, nint, int>)Export("EVP_MAC_init");

    public static readonly delegate* unmanaged<nint, byte*, nuint, int> MacUpdate = (delegate* unmanaged<nint, byte*, nuint, int>)Export("EVP_MAC_update");

    public static readonly delegate* unmanaged<nint, byte*, nuint*, nuint, int> MacFinal = (delegate* unmanaged<nint, byte*, nuint*, nuint, int>)Export("EVP_MAC_final");

    /// <summary>OpenSSL's Poly1305 MAC algorithm (fetched once; never freed: it lives as long as the process), or 0.</summary>
    public static readonly nint Poly1305 = FetchPoly1305();

    /// <summary>True when Poly1305 is taken from OpenSSL.</summary>
    public static bool HasPoly1305 => Poly1305 != 0 && MacContextNew != null && MacContextFree != null && MacInit != null && MacUpdate != null && MacFinal != null;

    /// <summary>True when AES-256-CTR is taken from OpenSSL.</summary>
    public static bool HasAesCtr => CipherContextNew != null && CipherContextFree != null && Aes256Ctr != null && EncryptInit != null && EncryptUpdate != null;

    private static nint FetchPoly1305()
    {
        if (MacFetch == null)
        {
            return 0;
        }

        var name = "POLY1305\0"u8;
        fixed (byte* namePointer = name)
        {
            return MacFetch(0, namePointer, null);
        }
    }

    private static nint Load()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("RESTIC_NET_CRYPTO") == "bouncycastle")
        {
            return 0;
        }

        foreach (var name in (ReadOnlySpan<string>)["libcrypto.so.3", "libcrypto.so"])
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
