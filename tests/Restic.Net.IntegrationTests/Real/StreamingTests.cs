using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Progress, streaming and cancellation against the real restic.</summary>
public sealed class StreamingTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private ResticClient _client = null!;

    private string Repository => _root.Combine("repo");

    private string Cache => _root.Combine("cache");

    public async Task InitializeAsync()
    {
        await TestRestic.InitializeAsync(Repository);
        _client = new ResticClient(TestRestic.Options(Repository, Cache));
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 120000)]
    public async Task StreamBackupAsync_LargeFile_StatusEventsArriveBeforeTheSummary()
    {
        var source = _root.Combine("large");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 48);
        var events = new List<BackupEvent>();

        await foreach (var item in _client.StreamBackupAsync([source]))
        {
            events.Add(item);
        }

        var completed = Assert.IsType<BackupCompletedEvent>(events[^1]);
        Assert.True(completed.Summary.IsComplete);
        Assert.Equal(48L * 1024 * 1024, completed.Summary.TotalBytesProcessed);
        var statuses = events.OfType<BackupStatusEvent>().ToList();
        Assert.NotEmpty(statuses);
        Assert.True(events.IndexOf(statuses[0]) < events.Count - 1);
        Assert.All(statuses, s => Assert.InRange(s.Progress.PercentDone, 0, 1.01));
    }

    [Fact(Timeout = 120000)]
    public async Task BackupAsync_CancelledWhileRunning_ThrowsWithTheCallersTokenAndLeavesNoLock()
    {
        var source = _root.Combine("cancel");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 400, seed: 11);
        using var cts = new CancellationTokenSource();
        var progress = new CancelOnFirstReport<BackupProgress>(cts);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.BackupAsync([source], null, progress, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Empty(await TestRestic.ListLocksAsync(Repository, Cache));
        Assert.Empty(await _client.GetSnapshotsAsync());
    }

    /// <summary>Cancels as soon as restic reported progress, so that restic is surely running.</summary>
    private sealed class CancelOnFirstReport<T>(CancellationTokenSource cts) : IProgress<T>
    {
        public void Report(T value) => cts.Cancel();
    }
}
