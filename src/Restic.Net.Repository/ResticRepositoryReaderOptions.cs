namespace Restic.Net.Repository;

/// <summary>Options of <see cref="ResticRepositoryReader"/>.</summary>
public sealed record ResticRepositoryReaderOptions
{
    /// <summary>How long one request to a REST server may take before it fails with <see cref="ResticTimeoutException"/>; 60 s by default.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many tree blobs (folders) the reader keeps decoded for the next call; 4,096 by default, 0 for none.</summary>
    public int TreeCacheSize { get; init; } = 4096;

    internal void Validate()
    {
        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(TreeCacheSize);
    }
}
