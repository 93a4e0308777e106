namespace Restic.Net.IntegrationTests.Process;

/// <summary>The no-progress watchdog stops a restic that only repeats itself.</summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class WatchdogTests
{
    private static readonly string[] s_paths = ["/data"];

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_StatusLinesWithOnlyTheClockMoving_ThrowsTimeoutAfterGracefulStop()
    {
        // What restic prints while it retries a backend that is down: the same counters, a new clock.
        var stalled = Enumerable.Range(1, 400).Select(i => ResticLines.Status(0.5, 5, 10, 500, 1000, secondsElapsed: (long)i));
        using var fake = new FakeRestic().WithStdout(stalled).WithDelay(20).Hanging();
        var client = fake.CreateClient(o => o.NoProgressTimeout = TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<ResticTimeoutException>(() => client.BackupAsync(s_paths));

        Assert.Equal(TimeSpan.FromSeconds(1), ex.Timeout);
        Assert.Contains("no progress", ex.Message);
        Assert.True(fake.ReceivedSigint, "the watchdog stops restic gracefully first");
        Assert.False(FakeRestic.IsRunning(fake.SingleRecord().ProcessId));
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_CountersKeepMovingLongerThanTheTimeout_Completes()
    {
        // ~4.8 s of output, every 60 ms a new counter: longer than the 2 s timeout, never a 2 s gap (even on a loaded machine).
        var moving = Enumerable.Range(1, 80).Select(i => ResticLines.Status(i / 80.0, (long)i, 80, (long)i * 10, 800, secondsElapsed: (long)i))
            .Append(ResticLines.Summary);
        using var fake = new FakeRestic().WithStdout(moving).WithDelay(60);
        var client = fake.CreateClient(o => o.NoProgressTimeout = TimeSpan.FromSeconds(2));

        var summary = await client.BackupAsync(s_paths);

        Assert.True(summary.IsComplete);
        Assert.False(fake.ReceivedSigint);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_CallerCancelsWhileWatchdogArmed_ThrowsCancellationNotTimeout()
    {
        using var fake = new FakeRestic().WithStdout(ResticLines.Status(0.1, 1, 10, 100, 1000)).Hanging();
        var client = fake.CreateClient(o => o.NoProgressTimeout = TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.BackupAsync(s_paths, null, null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }
}
