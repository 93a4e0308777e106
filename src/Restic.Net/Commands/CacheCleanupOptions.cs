namespace Restic.Net;

/// <summary>Options of <c>cache --cleanup</c>.</summary>
public sealed record CacheCleanupOptions
{
    /// <summary>Removes cache folders unused for more than this many days (<c>--max-age</c>); null for restic's 30.</summary>
    public int? MaxAgeDays { get; init; }

    internal void Validate() => Guard.NotNegative(MaxAgeDays);
}
