using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;

namespace Restic.Net.Repository.Crypto;

/// <summary>
/// scrypt, the key derivation function of restic's key files: OpenSSL's where the platform has it (Linux,
/// where .NET itself uses OpenSSL), else BouncyCastle's. Both are the well-kept implementations; OpenSSL's
/// takes about half of BouncyCastle's time here (measured 0.63 s against 1.1 s for restic's usual
/// N=2^15, r=8, p=7), which is what keeps opening a repository as fast as restic does.
/// </summary>
internal static class Scrypt
{
    /// <summary>True when OpenSSL's implementation is used.</summary>
    public static unsafe bool UsesOpenSsl => OpenSsl.PbeScrypt != null;

    /// <summary>
    /// The memory scrypt takes: 128·r·N bytes for its table and 128·r·p for its lanes. restic's keys take 32 MiB
    /// (N=2^15, r=8), rustic's 128 MiB (N=2^17, r=8, p=1).
    /// </summary>
    public static long Memory(long n, long r, long p) => 128 * r * (n + p);

    /// <summary>
    /// The work scrypt does, in units of about 0.4 µs here: each of the p lanes mixes 2·N blocks of r (N·r·p) and
    /// runs PBKDF2 over its 128·r bytes, which costs as much as about 8 more (measured with OpenSSL: N=2, r=1,
    /// p=2^18 takes 0.69 s where N·r·p alone would count 0.2 s). restic's keys need 2^18·p (N=2^15, r=8; p is
    /// calibrated to half a second on the machine that made the key, typically 5 to 20).
    /// </summary>
    public static long Work(long n, long r, long p) => r * p * (n + 8);

    /// <summary>
    /// Why a key file's parameters must not be derived: null when they are scrypt's (N a power of two above 1,
    /// r·p below 2^30) and within the limits, checked before any work so that a planted key file can neither
    /// exhaust memory nor run for ever.
    /// </summary>
    public static string? Check(long n, long r, long p, long maxMemory, long maxWork)
    {
        if (n <= 1 || (n & (n - 1)) != 0 || n > int.MaxValue || r is < 1 or >= 1L << 30 || p is < 1 or >= 1L << 30 || r * p >= 1L << 30)
        {
            return $"its scrypt parameters (N={n}, r={r}, p={p}) are not valid ones";
        }

        if (Memory(n, r, p) > maxMemory)
        {
            return $"its scrypt parameters (N={n}, r={r}, p={p}) take {Memory(n, r, p)} bytes of memory, more than ResticRepositoryReaderOptions.MaxKeyDerivationMemory ({maxMemory}) allows";
        }

        if (Work(n, r, p) > maxWork)
        {
            return $"its scrypt parameters (N={n}, r={r}, p={p}) ask for {Work(n, r, p)} units of work (r·p·(N+8)), more than ResticRepositoryReaderOptions.MaxKeyDerivationWork ({maxWork}) allows";
        }

        return null;
    }

    /// <summary>
    /// Derives a key on the thread pool, so that cancellation is honoured at once: neither OpenSSL nor BouncyCastle
    /// can stop a derivation, so a cancelled one is abandoned (it ends within the work limit) and its result zeroed.
    /// </summary>
    public static async Task<byte[]> DeriveKeyAsync(byte[] password, byte[] salt, int n, int r, int p, int length, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var derivation = Task.Run(() => DeriveKey(password, salt, n, r, p, length), CancellationToken.None);
        try
        {
            return await derivation.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = derivation.ContinueWith(static task => CryptographicOperations.ZeroMemory(task.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
    }

    public static unsafe byte[] DeriveKey(byte[] password, byte[] salt, int n, int r, int p, int length)
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
