using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class RestoreTests
{
    [Fact]
    public async Task RestoreAsync_Restic018_ReturnsStatisticsAndReportsProgress()
    {
        var client = FixtureRunner.Replaying("0.18.0", "restore").CreateClient();

        var events = new List<RestoreEvent>();
        await foreach (var item in client.StreamRestoreAsync(new RestoreOptions("latest", "/tmp/target")))
        {
            events.Add(item);
        }

        var summary = Assert.IsType<RestoreCompletedEvent>(events[^1]).Summary;
        Assert.True(summary.HasStatistics);
        Assert.True(summary.FilesRestored > 0);
        Assert.True(summary.BytesRestored > 0);
        Assert.Equal(0UL, summary.FilesDeleted);
        Assert.Equal("/tmp/target", summary.Target);
        Assert.Contains(events, e => e is RestoreStatusEvent);
    }

    [Fact]
    public async Task RestoreAsync_Restic014_ReturnsSummaryWithoutStatistics()
    {
        var client = FixtureRunner.Replaying("0.14.0", "restore").CreateClient();

        var summary = await client.RestoreAsync(new RestoreOptions("latest", "/tmp/target"));

        Assert.False(summary.HasStatistics);
        Assert.Null(summary.FilesRestored);
        Assert.Null(summary.TotalBytes);
        Assert.Equal("/tmp/target", summary.Target);
    }

    [Fact]
    public void RestoreOptions_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RestoreOptions("", "/t"));
        Assert.Throws<ArgumentException>(() => new RestoreOptions("latest", ""));
        Assert.Throws<ArgumentException>(() => new RestoreOptions("latest\0", "/t"));
    }
}
