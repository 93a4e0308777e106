using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>A REST server repository: credentials in the URL stay secret, and a server that dies mid-backup gives a typed error, not a hang.</summary>
public sealed class RestServerTests : IAsyncLifetime
{
    private const string User = "backup-user";
    private const string Password = "Rest-Pa55-never-in-argv";
    private readonly TempDirectory _root = new();
    private RestServer _server = null!;

    public async Task InitializeAsync() => _server = await RestServer.StartAsync(_root.Path, User, Password);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _root.Dispose();
    }

    private ResticClientOptions Options(string repository, string password = Password)
    {
        var options = TestRestic.Options(_root.Path, _root.Combine("cache"));
        options.Repository = ResticRepository.Parse(_server.Url(repository, User, password));
        return options;
    }

    [Fact(Timeout = 120000)]
    public async Task UrlCredentials_ReachResticOnlyThroughItsEnvironment_AndNeverAppearInErrors()
    {
        var logs = new CapturingLoggerProvider();
        var client = new ResticClient(Options("secret-repo"), logs.CreateFactory());
        await client.InitAsync();
        var source = _root.Combine("src");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 200, seed: 4);
        using var cts = new CancellationTokenSource();

        var backup = client.BackupAsync([source], null, null, cts.Token);
        var pid = await ChildProcesses.WaitForChildAsync("restic", source, TimeSpan.FromSeconds(30));
        var argv = ChildProcesses.CommandLine(pid);
        var environment = ChildProcesses.EnvironmentOf(pid);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);

        Assert.DoesNotContain(argv, a => a.Contains(Password, StringComparison.Ordinal));
        Assert.Equal(_server.Url("secret-repo", User, Password), environment["RESTIC_REPOSITORY"]);
        Assert.Equal($"rest:http://{User}:***@127.0.0.1:{_server.Port}/secret-repo", client.Repository.ToString());

        // A wrong HTTP password: restic's message names the URL; the client's text must not hold either password.
        var wrong = new ResticClient(Options("secret-repo", "wrong-http-password"), logs.CreateFactory());
        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => wrong.GetSnapshotsAsync());
        Assert.DoesNotContain("wrong-http-password", ex.ToString());
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Password, StringComparison.Ordinal) || l.Contains("wrong-http-password", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120000)]
    public async Task ServerDown_IsTransient_AndTheSameCallSucceedsOnceItIsBack()
    {
        var client = new ResticClient(Options("outage-repo"));
        await client.InitAsync();
        await _server.StopAsync();

        // Nothing listens: restic 0.14 fails at once, later versions are stopped at their first retry notice.
        var ex = await Assert.ThrowsAsync<ResticBackendUnreachableException>(() => client.GetSnapshotsAsync());
        Assert.True(ex.IsTransient);

        // Retrying the same call, with nothing changed but the server's return, succeeds.
        await _server.StartAsync();
        Assert.Empty(await client.GetSnapshotsAsync());
    }

    [Fact(Timeout = 180000)]
    public async Task CancelWhileTheServerHangs_ThrowsWithinTheShutdownTimeoutPlusTheHousekeepingBudget()
    {
        // A hung server (SIGSTOP): restic cannot remove its lock, is killed after ShutdownTimeout, and the
        // lock housekeeping that follows cannot reach the server either; the caller waits for neither long.
        var options = Options("hung-repo");
        options.ShutdownTimeout = TimeSpan.FromSeconds(3);
        var client = new ResticClient(options);
        await client.InitAsync();
        var source = _root.Combine("hung-src");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 200, seed: 6);
        using var cts = new CancellationTokenSource();
        var backup = client.BackupAsync([source], null, null, cts.Token);
        await ChildProcesses.WaitForChildAsync("restic", source, TimeSpan.FromSeconds(30));
        await Task.Delay(1000);

        _server.Pause();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);
        }
        finally
        {
            _server.Resume();
        }

        // ShutdownTimeout 3 s + housekeeping budget 10 s (docs/cancellation-and-locks.md), plus slack for a loaded machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3 + 10 + 5), $"the cancellation took {watch.Elapsed}");
    }

    [Fact(Timeout = 180000)]
    public async Task ServerKilledMidBackup_ThrowsTypedErrorWithinTheWatchdogTime_AndReportsTheLockLeftOnceTheServerIsBack()
    {
        // Created without the watchdog: init prints nothing until it is done, and on a loaded machine it
        // took more than the 5 s this test gives the backup (one CI run on 0.18).
        await new ResticClient(Options("fault-repo")).InitAsync();
        var logs = new CapturingLoggerProvider();
        var options = Options("fault-repo");
        options.NoProgressTimeout = TimeSpan.FromSeconds(5);
        options.ShutdownTimeout = TimeSpan.FromSeconds(10);
        var client = new ResticClient(options, logs.CreateFactory());
        var source = _root.Combine("fault-src");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 400, seed: 5);
        var killed = new TaskCompletionSource();
        var progress = new KillOnFirstReport(_server, killed);

        var started = DateTime.UtcNow;
        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.BackupAsync([source], null, progress));
        var elapsed = DateTime.UtcNow - started;

        Assert.True(killed.Task.IsCompleted, "the server was killed while restic ran");
        Assert.True(ex is ResticTimeoutException or ResticCommandException, $"typed error expected, got {ex.GetType().Name}: {ex.Message}");
        // NoProgressTimeout + ShutdownTimeout (restic retries removing its lock after SIGINT) + the housekeeping budget.
        Assert.True(elapsed < TimeSpan.FromSeconds(90), $"took {elapsed}");

        // restic could not remove its lock from the dead server, and the client could not look: it says so…
        Assert.Contains(logs.Lines, l => l.Contains("LockCheckPending", StringComparison.Ordinal) && l.Contains("backup", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("LockLeftBehind", StringComparison.Ordinal));

        // …and once the server is back, the next command finds the lock and reports it.
        await _server.StartAsync();
        Assert.Empty(await client.GetSnapshotsAsync());
        var left = Assert.Single(await TestRestic.ListLocksAsync(_server.Url("fault-repo", User, Password), _root.Combine("cache")));
        Assert.Contains(logs.Lines, l => l.Contains("LockLeftBehind", StringComparison.Ordinal) && l.Contains(left, StringComparison.Ordinal));

        await client.UnlockAsync(new UnlockOptions { RemoveAll = true });
        Assert.True((await client.CheckAsync()).IsHealthy);
    }

    private sealed class KillOnFirstReport(RestServer server, TaskCompletionSource killed) : IProgress<BackupProgress>
    {
        private int _once;

        public void Report(BackupProgress value)
        {
            if (value.BytesDone > 0 && Interlocked.Exchange(ref _once, 1) == 0)
            {
                server.StopAsync().GetAwaiter().GetResult();
                killed.SetResult();
            }
        }
    }
}
