namespace Restic.Net.IntegrationTests.Support;

/// <summary>Leaves a stale lock: a restic that holds its lock is killed (SIGKILL), so it cannot remove it.</summary>
internal static class StaleLock
{
    /// <summary>Starts a <see cref="HeldLock"/>, kills it once the lock exists, and returns the killed process's id.</summary>
    public static async Task<int> CreateAsync(string repository, string cacheDirectory)
    {
        await using var held = await HeldLock.StartAsync(repository, cacheDirectory);
        return held.ProcessId;
    }
}
