namespace Restic.Net.IntegrationTests.Process;

/// <summary>Streaming and back-pressure of <c>backup</c> against a fake restic process.</summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class StreamBackupTests
{
    private static readonly string[] s_paths = ["/data"];

    [Fact(Timeout = 30000)]
    public async Task StreamBackupAsync_StatusLinesThenSummary_YieldsStatusEventsWhileResticRunsThenCompletedEvent()
    {
        using var fake = new FakeRestic()
            .WithStdout(
                ResticLines.ScanFinished(40, 34538575),
                ResticLines.Status(0.25, 10, 40, 8_000_000, 34538575),
                ResticLines.Status(0.50, 20, 40, 17_000_000, 34538575),
                ResticLines.Status(0.75, 30, 40, 25_000_000, 34538575),
                ResticLines.Status(1.00, 40, 40, 34538575, 34538575),
                ResticLines.Summary)
            .WithDelay(150);
        var client = fake.CreateClient();

        var events = new List<BackupEvent>();
        bool? runningAtFirstStatus = null;
        await foreach (var item in client.StreamBackupAsync(s_paths))
        {
            if (item is BackupStatusEvent && runningAtFirstStatus is null)
            {
                runningAtFirstStatus = FakeRestic.IsRunning(fake.SingleRecord().ProcessId);
            }

            events.Add(item);
        }

        // Streamed, not buffered: the first status arrived while restic still had lines to print.
        Assert.True(runningAtFirstStatus, "The first status event should arrive while restic is still running.");
        var statuses = events.OfType<BackupStatusEvent>().ToList();
        Assert.True(statuses.Count >= 2, $"Expected several status events, got {statuses.Count}.");
        Assert.Equal(1.0, statuses[^1].Progress.PercentDone);
        Assert.Equal(40L, statuses[^1].Progress.FilesDone);
        Assert.IsType<BackupScanCompletedEvent>(events[0]);

        var completed = Assert.IsType<BackupCompletedEvent>(events[^1]);
        Assert.Single(events.OfType<BackupCompletedEvent>());
        Assert.True(events.IndexOf(statuses[^1]) < events.Count - 1);
        var summary = completed.Summary;
        Assert.True(summary.IsComplete);
        Assert.Empty(summary.Errors);
        Assert.Equal(ResticLines.SummarySnapshotId, summary.SnapshotId?.ToString());
        Assert.Equal(40L, summary.FilesNew);
        Assert.Equal(9L, summary.DirectoriesNew);
        Assert.Equal(53L, summary.DataBlobs);
        Assert.Equal(10L, summary.TreeBlobs);
        Assert.Equal(33955232L, summary.DataAdded);
        Assert.Equal(33876823L, summary.DataAddedPacked);
        Assert.Equal(34538575L, summary.TotalBytesProcessed);
        Assert.Equal(TimeSpan.FromSeconds(0.837153892).TotalMilliseconds, summary.TotalDuration.TotalMilliseconds, 1.0);
        Assert.NotNull(summary.BackupStart);
        var expectedStart = new DateTimeOffset(2026, 11, 26, 14, 31, 8, 910, TimeSpan.Zero);
        Assert.Equal(expectedStart.UtcDateTime, summary.BackupStart.Value.UtcDateTime, TimeSpan.FromMilliseconds(1));
    }

    [Fact(Timeout = 30000)]
    public async Task StreamBackupAsync_SlowConsumerAndPartialBackup_CoalescesStatusButKeepsErrorsAndSummary()
    {
        const int StatusLines = 200;
        var stdout = Enumerable.Range(1, StatusLines)
            .Select(i => ResticLines.Status(i / (double)StatusLines, (long)i, StatusLines, (long)i * 1000, StatusLines * 1000))
            .Append(ResticLines.Summary);
        using var fake = new FakeRestic()
            .WithStdout(stdout)
            .WithStderr(
                ResticLines.Error("/x", "boom"),
                ResticLines.Error("/y", "boom"),
                ResticLines.Error("/z", "boom", during: "scan"),
                ResticLines.ExitError(3, "Warning: at least one source file could not be read"))
            .WithExitCode(3);
        var client = fake.CreateClient();

        var events = new List<BackupEvent>();
        await foreach (var item in client.StreamBackupAsync(s_paths))
        {
            events.Add(item);
            await Task.Delay(200);
        }

        var errors = events.OfType<BackupErrorEvent>().Select(e => e.Error).ToList();
        Assert.Equal(["/x", "/y", "/z"], errors.Select(e => e.Item).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal("boom", e.Message));

        var completed = Assert.IsType<BackupCompletedEvent>(events[^1]);
        Assert.False(completed.Summary.IsComplete);
        Assert.Equal(["/x", "/y", "/z"], completed.Summary.Errors.Select(e => e.Item).Order(StringComparer.Ordinal));
        Assert.Equal(ResticLines.SummarySnapshotId, completed.Summary.SnapshotId?.ToString());

        // Coalesced latest-wins: far fewer than 200, and the newest status is never lost.
        var statuses = events.OfType<BackupStatusEvent>().ToList();
        Assert.NotEmpty(statuses);
        Assert.True(statuses.Count < 25, $"Expected coalesced status events, got {statuses.Count} of {StatusLines}.");
        Assert.Equal((long)StatusLines, statuses[^1].Progress.FilesDone);
    }

    [Fact(Timeout = 30000)]
    public async Task StreamBackupAsync_ConsumerBreaksEarly_InterruptsResticAndEndsWithoutException()
    {
        using var fake = new FakeRestic()
            .WithStdout(
                ResticLines.Status(0.1, 1, 10, 100, 1000),
                ResticLines.Status(0.2, 2, 10, 200, 1000))
            .Hanging();
        var client = fake.CreateClient();

        var seen = 0;
        await foreach (var item in client.StreamBackupAsync(s_paths))
        {
            seen++;
            break;
        }

        Assert.Equal(1, seen);
        Assert.True(fake.ReceivedSigint, "restic should have been interrupted with SIGINT when the consumer stopped.");
        Assert.False(FakeRestic.IsRunning(fake.SingleRecord().ProcessId), "restic should have exited before the enumeration ended.");
    }
}
