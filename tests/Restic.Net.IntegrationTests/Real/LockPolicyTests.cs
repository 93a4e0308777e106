using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The cancellation ladder's forced end and the opt-in stale-lock policy, against the real restic.</summary>
public sealed class LockPolicyTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private readonly CapturingLoggerProvider _logs = new();

    private string Repository => _root.Combine("repo");

    private string Cache => _root.Combine("cache");

    private string Source => _root.Combine("src");

    public async Task InitializeAsync()
    {
        SourceTree.WriteLargeFile(Path.Combine(Source, "big.bin"), megabytes: 400, seed: 13);
        await TestRestic.InitializeAsync(Repository);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    private ResticClient Client(bool removeStaleLocks, TimeSpan? shutdownTimeout = null)
    {
        var options = TestRestic.Options(Repository, Cache);
        options.RemoveStaleLocks = removeStaleLocks;
        options.ShutdownTimeout = shutdownTimeout ?? options.ShutdownTimeout;
        return new ResticClient(options, _logs.CreateFactory());
    }

    [Fact(Timeout = 120000)]
    public async Task CancelAHungRestic_KillsItAfterTheShutdownTimeout_AndLogsTheLockItLeft()
    {
        var client = Client(removeStaleLocks: false, shutdownTimeout: TimeSpan.FromSeconds(1));

        var ex = await CancelWhileHungAsync(client);

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        var locks = await TestRestic.ListLocksAsync(Repository, Cache);
        var left = Assert.Single(locks);
        Assert.Contains(_logs.Lines, l => l.Contains("LockLeftBehind", StringComparison.Ordinal) && l.Contains(left, StringComparison.Ordinal));

        // Without the policy the lock blocks exclusive commands; with it, it is removed, logged and the command runs.
        await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.PruneAsync());
        var result = await Client(removeStaleLocks: true).PruneAsync();

        Assert.NotNull(result.RemainingBlobs);
        Assert.Contains(_logs.Lines, l => l.Contains("StaleLockRemoved", StringComparison.Ordinal) && l.Contains(left, StringComparison.Ordinal));
        Assert.Empty(await TestRestic.ListLocksAsync(Repository, Cache));
        Assert.True((await client.CheckAsync()).IsHealthy);
    }

    [Fact(Timeout = 120000)]
    public async Task CancelAHungRestic_WithThePolicy_LeavesNoLock()
    {
        var client = Client(removeStaleLocks: true, shutdownTimeout: TimeSpan.FromSeconds(1));

        await CancelWhileHungAsync(client);

        Assert.Empty(await TestRestic.ListLocksAsync(Repository, Cache));
        Assert.Contains(_logs.Lines, l => l.Contains("StaleLockRemoved", StringComparison.Ordinal));
    }

    /// <summary>
    /// Starts a backup, freezes restic (SIGSTOP) once it holds its lock, so that it cannot act on SIGINT
    /// (a hung restic), then cancels; returns what the call threw, with the caller's token checked.
    /// </summary>
    private async Task<Exception> CancelWhileHungAsync(ResticClient client)
    {
        using var cts = new CancellationTokenSource();
        var running = new TaskCompletionSource();
        var backup = client.BackupAsync([Source], null, new FirstBytesProgress(running), cts.Token);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var pid = await ChildProcesses.WaitForChildAsync("restic", Source, TimeSpan.FromSeconds(10));
        using (var stop = System.Diagnostics.Process.Start("kill", ["-STOP", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await stop.WaitForExitAsync();
        }

        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Contains(_logs.Lines, l => l.Contains("CancellationForced", StringComparison.Ordinal) && l.Contains($"pid {pid}", StringComparison.Ordinal));
        return ex;
    }
}
