using System.Diagnostics;

namespace Restic.Net.IntegrationTests.Process;

/// <summary>Graceful (SIGINT) then forceful cancellation of a running restic, with a fake restic process.</summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class CancellationTests
{
    private static readonly string[] s_paths = ["/data"];

    [Fact(Timeout = 30000)]
    public async Task StreamBackupAsync_CallerCancelsRunningBackup_SendsSigintAndThrowsWithCallerToken()
    {
        using var fake = new FakeRestic()
            .WithStdout(ResticLines.Status(0.1, 1, 10, 100, 1000))
            .Hanging();
        var client = fake.CreateClient();
        using var cts = new CancellationTokenSource();

        var events = 0;
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in client.StreamBackupAsync(s_paths, null, cts.Token))
            {
                // restic is running and has its SIGINT handler in place once it printed something.
                events++;
                await cts.CancelAsync();
            }
        });

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, events);
        Assert.True(fake.ReceivedSigint, "restic should have been interrupted with SIGINT (the graceful path).");
        Assert.False(FakeRestic.IsRunning(fake.SingleRecord().ProcessId));
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_CallerCancelsAndResticExitsWithOne_ThrowsWithCallerToken()
    {
        // restic 0.17–0.18 exit with 1 and an exit_error "context canceled" when interrupted.
        using var fake = new FakeRestic()
            .WithStdout(ResticLines.Status(0.1, 1, 10, 100, 1000))
            .Hanging()
            .With("FAKE_RESTIC_SIGINT_EXIT", "1")
            .With("FAKE_RESTIC_SIGINT_MESSAGE", "Fatal: unable to save snapshot: context canceled");
        var client = fake.CreateClient();
        using var cts = new CancellationTokenSource();
        var started = new FirstReport<BackupProgress>();

        var backup = client.BackupAsync(s_paths, null, started, cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.True(fake.ReceivedSigint, "restic should have been interrupted with SIGINT (the graceful path).");
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_ResticIgnoresSigint_IsKilledAfterShutdownTimeoutAndThrowsWithCallerToken()
    {
        using var fake = new FakeRestic()
            .WithStdout(ResticLines.Status(0.1, 1, 10, 100, 1000))
            .Hanging()
            .With("FAKE_RESTIC_IGNORE_SIGINT", "1");
        var client = fake.CreateClient(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        using var cts = new CancellationTokenSource();
        var started = new FirstReport<BackupProgress>();

        var backup = client.BackupAsync(s_paths, null, started, cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var stopwatch = Stopwatch.StartNew();
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);
        stopwatch.Stop();

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.True(fake.ReceivedSigint, "SIGINT should have been tried first.");
        Assert.False(FakeRestic.IsRunning(fake.SingleRecord().ProcessId), "restic should have been killed.");
        // Generous bound: the fake would otherwise hang for two minutes.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"The kill took {stopwatch.Elapsed}.");
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_TokenAlreadyCancelled_ThrowsWithCallerToken()
    {
        using var fake = new FakeRestic().WithStdout(ResticLines.Summary);
        var client = fake.CreateClient();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.BackupAsync(s_paths, null, null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Empty(fake.ReadRecords());
    }

    /// <summary>Completes when the first progress report arrives (reported synchronously, no synchronization context).</summary>
    private sealed class FirstReport<T> : IProgress<T>
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _first.Task;

        public void Report(T value) => _first.TrySetResult();
    }
}
