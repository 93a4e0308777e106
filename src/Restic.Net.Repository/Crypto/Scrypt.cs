using Org.BouncyCastle.Crypto.Generators;

namespace Restic.Net.Repository.Crypto;

/// <summary>
/// scrypt, the key derivation function of restic's key files: OpenSSL's where the platform has it (Linux,
/// where .NET itself uses OpenSSL), else BouncyCastle's. Both are the well-kept implementations; OpenSSL's
/// takes about half of BouncyCastle's time here (measured 0.63 s against 1.1 s for restic's usual
/// N=2^15, r=8, p=7), which is what keeps opening a repository as fast as restic does.
/// </summary>
internal static unsafe class Scrypt
{
    /// <summary>The most memory a key file may ask for (128·r·N bytes): restic's calibration stays far below.</summary>
    public const long MaxMemory = 1L << 30;

    /// <summary>True when OpenSSL's implementation is used.</summary>
    public static bool UsesOpenSsl => OpenSsl.PbeScrypt != null;

    /// <summary>Checks parameters read from a key file before any work: a hostile file must not exhaust memory.</summary>
    public static bool AreValid(long n, long r, long p) =>
        n > 1 && (n & (n - 1)) == 0 && n <= int.MaxValue && r >= 1 && p >= 1 && r * p < (1L << 30) &&
        128 * r * n <= MaxMemory && 128 * r * p <= MaxMemory;

    public static byte[] DeriveKey(byte[] password, byte[] salt, int n, int r, int p, int length)
    {
        var key = new byte[length];
        if (OpenSsl.PbeScrypt != null)
        {
            fixed (byte* passwordPointer = password, saltPointer = salt, keyPointer = key)
            {
                // The memory limit must cover 128·r·(N + p + 1) bytes, or OpenSSL refuses.
                var memory = (ulong)(128L * r * (n + p + 2));
                if (OpenSsl.PbeScrypt(passwordPointer, (nuint)password.Length, saltPointer, (nuint)salt.Length, (ulong)n, (ulong)r, (ulong)p, memory, keyPointer, (nuint)length) == 1)
                {
                    return key;
                }
            }
        }

        return SCrypt.Generate(password, salt, n, r, p, length);
    }
}
