using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class BackupTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupAsync_RecordedBackup_ReturnsSummaryOfTheRecording(string version)
    {
        var client = FixtureRunner.Replaying(version, "backup").CreateClient();
        var progress = new List<BackupProgress>();

        var summary = await client.BackupAsync(["/tmp/restic-fixtures/src"], null, new SynchronousProgress<BackupProgress>(progress.Add));

        Assert.True(summary.IsComplete);
        Assert.Empty(summary.Errors);
        Assert.Equal(40L, summary.FilesNew);
        Assert.Equal(40L, summary.TotalFilesProcessed);
        Assert.Equal(34538575L, summary.TotalBytesProcessed);
        Assert.NotNull(summary.SnapshotId);
        Assert.Equal(version == "0.14.0" ? 8 : 64, summary.SnapshotId!.Value.Value.Length);
        Assert.Equal(version != "0.14.0", summary.DataAddedPacked.HasValue);
        Assert.Equal(version != "0.14.0", summary.BackupStart.HasValue);
        Assert.NotEmpty(progress);
        Assert.Equal(1, progress[^1].PercentDone);
        Assert.Equal(summary.TotalBytesProcessed, progress[^1].BytesDone);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task StreamBackupAsync_RecordedBackup_StatusEventsPrecedeTheCompletedEventWhichIsLast(string version)
    {
        var client = FixtureRunner.Replaying(version, "backup").CreateClient();

        var events = new List<BackupEvent>();
        await foreach (var item in client.StreamBackupAsync(["/src"], new BackupOptions { IncludeFileEvents = true }))
        {
            events.Add(item);
        }

        Assert.IsType<BackupCompletedEvent>(events[^1]);
        Assert.Single(events.OfType<BackupCompletedEvent>());
        var firstStatus = events.FindIndex(e => e is BackupStatusEvent);
        Assert.InRange(firstStatus, 0, events.Count - 2);
        Assert.Contains(events, e => e is BackupFileEvent { Action.Value: "new" });
        // 0.14 typed scan_finished as "status"; both versions must surface it as a scan event.
        var scan = Assert.Single(events.OfType<BackupScanCompletedEvent>());
        Assert.Equal(40L, scan.TotalFiles);
        Assert.DoesNotContain(events, e => e is UnknownBackupEvent);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupAsync_ExitCode3_ReturnsIncompleteSummaryWithTheUnreadableItems(string version)
    {
        var client = FixtureRunner.Replaying(version, "backup-partial").CreateClient();

        var summary = await client.BackupAsync(["/src"]);

        Assert.False(summary.IsComplete);
        Assert.NotNull(summary.SnapshotId);
        Assert.Contains(summary.Errors, e => e.Item.EndsWith("unreadable.txt") && e.During == BackupPhase.Archival);
        Assert.Contains(summary.Errors, e => e.Item.EndsWith("locked-dir") && e.During == BackupPhase.Scan);
        var unreadable = summary.Errors.First(e => e.Item.EndsWith("unreadable.txt"));
        Assert.False(string.IsNullOrEmpty(unreadable.Message));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupAsync_DryRun_ReturnsNoSnapshotId(string version)
    {
        var client = FixtureRunner.Replaying(version, "backup-dry-run").CreateClient();

        var summary = await client.BackupAsync(["/src"], new BackupOptions { DryRun = true });

        Assert.True(summary.IsDryRun);
        Assert.Null(summary.SnapshotId);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupAsync_AllSourcesMissing_ThrowsCommandExceptionWithResticsMessage(string version)
    {
        var client = FixtureRunner.Replaying(version, "backup-missing-source").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.BackupAsync(["/does-not-exist"]));

        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("do not exist", ex.ResticMessage);
        Assert.Contains("do not exist", ex.Message);
        Assert.StartsWith("restic backup --json", ex.CommandLine);
    }

    [Theory]
    [InlineData("0.14.0", 0)] // restic before 0.19 exits 0 when one of several source paths is missing
    [InlineData("0.18.0", 0)]
    [InlineData("0.19.1", 3)]
    public async Task BackupAsync_OneSourceMissing_IsIncompleteAndNamesThePathOnEveryVersion(string version, int exitCode)
    {
        var backup = Fixture.Load(version, "backup-incremental");
        var stderr = "/srv/gone does not exist, skipping\n" +
            (exitCode == 3 ? "{\"message_type\":\"exit_error\",\"code\":3,\"message\":\"Warning: at least one source file could not be read\"}\n" : "");
        var client = new FixtureRunner(version, _ => backup with { StandardError = stderr, ExitCode = exitCode }).CreateClient();

        var events = new List<BackupEvent>();
        await foreach (var e in client.StreamBackupAsync(["/srv/data", "/srv/gone"]))
        {
            events.Add(e);
        }

        var summary = Assert.IsType<BackupCompletedEvent>(events[^1]).Summary;
        Assert.False(summary.IsComplete);
        Assert.NotNull(summary.SnapshotId);
        var error = Assert.Single(summary.Errors);
        Assert.Equal(new BackupError { Item = "/srv/gone", During = BackupPhase.Scan, Message = "does not exist" }, error);
        Assert.Contains(events, e => e is BackupErrorEvent { Error.Item: "/srv/gone" });
    }

    [Fact]
    public async Task StreamBackupAsync_InvalidInput_ThrowsBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "backup");
        var client = runner.CreateClient();

        Assert.Throws<ArgumentException>(() => client.StreamBackupAsync([]));
        Assert.Throws<ArgumentException>(() => client.StreamBackupAsync(["/a", ""]));
        Assert.Throws<ArgumentException>(() => client.StreamBackupAsync(["/a\0b"]));
        Assert.Throws<ArgumentNullException>(() => client.StreamBackupAsync(null!));
        Assert.Throws<ArgumentException>(() => client.StreamBackupAsync(["/a"], new BackupOptions { Tags = ["a,b"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BackupAsync(["/a"], new BackupOptions { HostName = "h\0" }));
        Assert.Empty(runner.Invocations);
    }
}
