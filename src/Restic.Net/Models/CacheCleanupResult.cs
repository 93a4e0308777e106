namespace Restic.Net;

/// <summary>The result of <c>restic cache --cleanup</c>.</summary>
/// <param name="RemovedDirectories">How many old cache folders restic removed.</param>
public sealed record CacheCleanupResult(int RemovedDirectories);
