using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class RestoreTests
{
    [Fact]
    public async Task RestoreAsync_Restic018_ReturnsStatisticsAndReportsProgress()
    {
        var client = FixtureRunner.Replaying("0.18.0", "restore").CreateClient();

        var events = new List<RestoreEvent>();
        await foreach (var item in client.StreamRestoreAsync(SnapshotReference.Latest, "/tmp/target"))
        {
            events.Add(item);
        }

        var summary = Assert.IsType<RestoreCompletedEvent>(events[^1]).Summary;
        Assert.True(summary.HasStatistics);
        Assert.True(summary.FilesRestored > 0);
        Assert.True(summary.BytesRestored > 0);
        Assert.Equal(0L, summary.FilesDeleted);
        Assert.Equal("/tmp/target", summary.Target);
        Assert.Contains(events, e => e is RestoreStatusEvent);
    }

    [Fact]
    public async Task RestoreAsync_WithProgress_EndsWithAFinalFullReport_AndTheMeasuredDuration()
    {
        var client = FixtureRunner.Replaying("0.19.1", "restore").CreateClient();
        var reports = new List<RestoreProgress>();

        var summary = await client.RestoreAsync(SnapshotReference.Latest, "/tmp/target", progress: new SynchronousProgress<RestoreProgress>(reports.Add));

        Assert.Equal(1, reports[^1].PercentDone);
        Assert.Equal(summary.FilesRestored, reports[^1].FilesRestored);
        Assert.NotNull(summary.Elapsed); // restic omits seconds_elapsed below one second; the client measures it
    }

    [Fact]
    public async Task RestoreAsync_Restic014_ReturnsSummaryWithoutStatistics()
    {
        var client = FixtureRunner.Replaying("0.14.0", "restore").CreateClient();

        var summary = await client.RestoreAsync(SnapshotReference.Latest, "/tmp/target");

        Assert.False(summary.HasStatistics);
        Assert.Null(summary.FilesRestored);
        Assert.Null(summary.TotalBytes);
        Assert.Equal("/tmp/target", summary.Target);
    }

    [Fact]
    public async Task RestoreAsync_InvalidInput_ThrowsBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "restore");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.RestoreAsync(default, "/t"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RestoreAsync(SnapshotReference.Latest, ""));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RestoreAsync(SnapshotReference.Latest, "/t\0"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.RestoreAsync(SnapshotReference.Latest, null!));
        Assert.Empty(runner.Invocations);
    }

    [Fact]
    public async Task RestoreAsync_SubfolderOnRestic014_IsNotSupportedRatherThanAnUnknownId()
    {
        var runner = FixtureRunner.Replaying("0.14.0", "restore");

        await Assert.ThrowsAsync<ResticNotSupportedException>(() => runner.CreateClient().RestoreAsync(SnapshotReference.Latest.WithSubfolder("/src"), "/t"));
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task RestoreAsync_Restic018DiskFull_ReturnsAnIncompleteSummaryListingTheFiles()
    {
        const string Stdout = "{\"message_type\":\"summary\",\"total_files\":5,\"files_restored\":5,\"total_bytes\":6000003,\"bytes_restored\":6000003}\n";
        const string Stderr =
            "{\"message_type\":\"error\",\"error\":{\"message\":\"write /t/src/big.bin: no space left on device\"},\"during\":\"restore\",\"item\":\"/src/big.bin\"}\n" +
            "{\"message_type\":\"error\",\"error\":{\"message\":\"write /t/src/small.txt: no space left on device\"},\"during\":\"restore\",\"item\":\"/src/small.txt\"}\n" +
            "{\"message_type\":\"exit_error\",\"code\":1,\"message\":\"Fatal: There were 2 errors\\n\"}\n";
        var client = new FixtureRunner("0.18.0", _ => Fixture.Inline(Stdout, Stderr, 1)).CreateClient();

        var events = new List<RestoreEvent>();
        await foreach (var item in client.StreamRestoreAsync(SnapshotReference.Latest, "/t"))
        {
            events.Add(item);
        }

        var summary = Assert.IsType<RestoreCompletedEvent>(events[^1]).Summary;
        Assert.False(summary.IsComplete);
        Assert.Equal(["/src/big.bin", "/src/small.txt"], summary.Errors.Select(e => e.Item));
        Assert.All(summary.Errors, e => Assert.Contains("no space left on device", e.Message));
        Assert.Equal(2, events.OfType<RestoreErrorEvent>().Count());
        Assert.Equal(5L, summary.FilesRestored);
    }

    [Fact]
    public async Task RestoreAsync_Restic014DiskFull_ReturnsAnIncompleteSummaryFromTheTextLines()
    {
        const string Stderr = "ignoring error for /src/big.bin: write /t/src/big.bin: no space left on device\nFatal: There were 1 errors\n\n";
        var client = new FixtureRunner("0.14.0", _ => Fixture.Inline("restoring <Snapshot 07ebc843 of [/src]> to /t\n", Stderr, 1)).CreateClient();

        var summary = await client.RestoreAsync(SnapshotReference.Latest, "/t");

        Assert.False(summary.IsComplete);
        var error = Assert.Single(summary.Errors);
        Assert.Equal("/src/big.bin", error.Item);
        Assert.Equal("write /t/src/big.bin: no space left on device", error.Message);
        Assert.False(summary.HasStatistics);
    }

    [Fact]
    public async Task RestoreAsync_FailureWithoutFileErrors_ThrowsTheClassifiedException()
    {
        var client = FixtureRunner.Replaying("0.18.0", "wrong-password").CreateClient();

        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.RestoreAsync(SnapshotReference.Latest, "/t"));
    }
}
