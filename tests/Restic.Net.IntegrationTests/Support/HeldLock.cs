using System.Diagnostics;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// A lock held by a live restic: <c>restic backup --stdin</c> takes its (non-exclusive) lock and then
/// waits for data, so exclusive commands find the repository locked until this is disposed.
/// </summary>
internal sealed class HeldLock : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;

    private HeldLock(System.Diagnostics.Process process) => _process = process;

    /// <summary>The holder's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the holder and returns once its lock is in the repository.</summary>
    public static async Task<HeldLock> StartAsync(string repository, string cacheDirectory)
    {
        var start = new ProcessStartInfo(TestRestic.BinaryPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "backup", "--json", "--stdin", "--stdin-filename", "held.txt" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_REPOSITORY"] = repository;
        start.Environment["RESTIC_PASSWORD"] = TestRestic.Password;
        start.Environment["RESTIC_CACHE_DIR"] = cacheDirectory;
        var held = new HeldLock(System.Diagnostics.Process.Start(start)!);
        _ = held._process.StandardOutput.ReadToEndAsync();
        _ = held._process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await TestRestic.ListLocksAsync(repository, cacheDirectory)).Length == 0)
            {
                Assert.False(held._process.HasExited, "restic exited before its lock could be observed");
                Assert.True(DateTime.UtcNow < deadline, "restic took no lock within 30 s");
                await Task.Delay(50);
            }

            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the holder's input: restic saves its snapshot, removes its lock and exits, as a holder that finishes does.</summary>
    public async Task ReleaseAsync()
    {
        // Some data: restic 0.19 exits 3 for an empty stdin ("no data read").
        await _process.StandardInput.WriteLineAsync("held");
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        Assert.Equal(0, _process.ExitCode);
    }

    /// <summary>Kills the holder (SIGKILL) unless it was released: its lock file stays in the repository, stale.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
