namespace Restic.Net;

/// <summary>The result of <c>restic cache --cleanup</c>.</summary>
public sealed record CacheCleanupResult
{
    /// <summary>How many old cache folders restic removed.</summary>
    public long RemovedDirectories { get; init; }
}
