namespace Restic.Net.Repository;

/// <summary>Options of <see cref="ResticRepositoryReader"/>.</summary>
/// <remarks>
/// The limits bound what a repository can make the reader spend: a server that opens repositories for others
/// (whose owners hold the keys and can write anything that authenticates) keeps them at their defaults, which
/// are far above what restic writes.
/// </remarks>
public sealed record ResticRepositoryReaderOptions
{
    /// <summary>
    /// How long one request to a REST, S3 or SFTP server may take, its response body included, before it fails with
    /// <see cref="ResticTimeoutException"/>; 60 s by default. For SFTP it also bounds the SSH connection and login, and
    /// each step of the connection when <see cref="SftpRepository.ConnectTimeout"/> is not set.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many tree blobs (folders) the reader keeps decoded for the next call; 4,096 by default, 0 for none.</summary>
    public int TreeCacheSize { get; init; } = 4096;

    /// <summary>
    /// The most memory a key file's scrypt parameters may ask for, 128·r·(N + p) bytes; 256 MiB by default. restic's
    /// keys take 32 MiB, rustic's 128 MiB. A key file that asks for more is refused with
    /// <see cref="ResticRepositoryIntegrityException"/> naming it, before any work.
    /// </summary>
    public long MaxKeyDerivationMemory { get; init; } = 256L << 20;

    /// <summary>
    /// The most work a key file's scrypt parameters may ask for, counted as r·p·(N + 8) (N·r·p for the mixing, and
    /// PBKDF2 over each lane); 2^25 by default, which is p = 128 at restic's N = 2^15 and r = 8 (restic calibrates p
    /// to half a second, typically 5 to 20) and about 13 s on a 2-core machine. A key file that asks for more is
    /// refused with <see cref="ResticRepositoryIntegrityException"/> naming it, before any work.
    /// </summary>
    public long MaxKeyDerivationWork { get; init; } = 1L << 25;

    /// <summary>
    /// The largest snapshot file the reader decompresses, in bytes of JSON; 64 MiB by default (a snapshot of
    /// 100,000 paths takes about 10 MiB). A larger one is refused with <see cref="ResticRepositoryIntegrityException"/>
    /// when the decompressed size passes the limit, so a small file that inflates without end costs at most this.
    /// </summary>
    public int MaxSnapshotFileSize { get; init; } = 64 << 20;

    /// <summary>
    /// The largest index file the reader decompresses, in bytes of JSON; 256 MiB by default (restic starts a new
    /// index file after about 50,000 blobs, some 10 MiB of JSON).
    /// </summary>
    public int MaxIndexFileSize { get; init; } = 256 << 20;

    /// <summary>
    /// The largest tree blob (the JSON of one folder) the reader loads; 256 MiB by default, a folder of about a
    /// million files. Data blobs are bounded by restic's chunker, 8 MiB.
    /// </summary>
    public int MaxTreeSize { get; init; } = 256 << 20;

    internal void Validate()
    {
        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(TreeCacheSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxKeyDerivationMemory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxKeyDerivationWork);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSnapshotFileSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIndexFileSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTreeSize);
    }
}
