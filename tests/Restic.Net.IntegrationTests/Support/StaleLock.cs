using System.Diagnostics;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>Leaves a stale lock: a restic that holds its lock is killed (SIGKILL), so it cannot remove it.</summary>
internal static class StaleLock
{
    /// <summary>
    /// Starts <c>restic backup --stdin</c>, which takes its lock and then waits for data, kills it once
    /// the lock exists, and returns the killed process's id.
    /// </summary>
    public static async Task<int> CreateAsync(string repository, string cacheDirectory)
    {
        var start = new ProcessStartInfo(TestRestic.BinaryPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "backup", "--json", "--stdin", "--stdin-filename", "held.txt" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_REPOSITORY"] = repository;
        start.Environment["RESTIC_PASSWORD"] = TestRestic.Password;
        start.Environment["RESTIC_CACHE_DIR"] = cacheDirectory;
        using var process = System.Diagnostics.Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await TestRestic.ListLocksAsync(repository, cacheDirectory)).Length == 0)
            {
                Assert.False(process.HasExited, "restic exited before its lock could be observed");
                Assert.True(DateTime.UtcNow < deadline, "restic took no lock within 30 s");
                await Task.Delay(50);
            }

            return process.Id;
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }
}
