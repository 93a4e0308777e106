namespace Restic.Net;

/// <summary>One repository's folder in restic's local cache (a line of <c>restic cache</c>).</summary>
public sealed record CacheEntry
{
    /// <summary>The first 10 characters of the repository id, as restic prints them.</summary>
    public required string RepositoryIdPrefix { get; init; }

    /// <summary>How long ago restic last used this cache folder, in whole days as restic prints it ("Last Used": "3 days ago").</summary>
    public TimeSpan Age { get; init; }

    /// <summary>Whether restic considers the cache old (unused for longer than the maximum age, 30 days by default).</summary>
    public bool IsOld { get; init; }

    /// <summary>The folder's size in bytes, rounded as restic prints it; null when restic did not print it.</summary>
    public long? Size { get; init; }
}
