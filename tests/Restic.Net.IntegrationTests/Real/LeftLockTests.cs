using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>A restic stopped by someone else: the error names the signal, and the lock it left is reported.</summary>
public sealed class LeftLockTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private readonly CapturingLoggerProvider _logs = new();

    private string Repository => _root.Combine("repo");

    private string Cache => _root.Combine("cache");

    private string Source => _root.Combine("src");

    public async Task InitializeAsync()
    {
        SourceTree.WriteLargeFile(Path.Combine(Source, "big.bin"), megabytes: 400, seed: 21);
        await TestRestic.InitializeAsync(Repository);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 120000)]
    public async Task BackupKilledBySomeoneElse_NamesTheSignal_AndLogsTheLockItLeft()
    {
        var client = new ResticClient(TestRestic.Options(Repository, Cache), _logs.CreateFactory());
        var running = new TaskCompletionSource();
        var backup = client.BackupAsync([Source], null, new FirstBytesProgress(running));
        await running.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var pid = await ChildProcesses.WaitForChildAsync("restic", Source, TimeSpan.FromSeconds(10));

        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => backup);
        Assert.StartsWith("restic backup was stopped by signal 9 (SIGKILL), which this client did not send", ex.Message, StringComparison.Ordinal);
        Assert.Equal(137, ex.ExitCode);

        var left = Assert.Single(await TestRestic.ListLocksAsync(Repository, Cache));
        var logged = Assert.Single(_logs.Lines, l => l.Contains("LockLeftBehind", StringComparison.Ordinal));
        Assert.Contains(left, logged, StringComparison.Ordinal);
        Assert.Contains($"pid {pid}", logged, StringComparison.Ordinal);
        Assert.Contains("was stopped by signal 9 (SIGKILL)", logged, StringComparison.Ordinal);

        // The lock is stale (its process is gone): unlock removes it, and the repository is whole.
        Assert.Equal(left, Assert.Single((await client.UnlockAsync()).Removed).Id);
        Assert.True((await client.CheckAsync()).IsHealthy);
    }
}
