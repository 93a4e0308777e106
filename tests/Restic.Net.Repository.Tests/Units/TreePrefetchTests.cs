using System.Collections.Concurrent;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Trees;

namespace Restic.Net.Repository.Tests.Units;

/// <summary>Loading folders ahead of a walk: in the walk's order, a few at a time, failures where the walk meets them.</summary>
[Trait("Restic", "None")]
public sealed class TreePrefetchTests
{
    private readonly ConcurrentQueue<int> _started = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<TreeNodeDto[]>> _loads = new();

    [Fact]
    public async Task Subfolders_load_before_folders_queued_earlier_four_at_a_time()
    {
        using var prefetch = new TreePrefetch(LoadAsync, CancellationToken.None);
        prefetch.Schedule([Id(1), Id(2), Id(3), Id(4), Id(5), Id(6)]);
        await StartedAsync(4);
        Assert.Equal([1, 2, 3, 4], _started.Order());

        // The walk takes 1 (5 starts in its place) and finds 11 and 12 in it: they go before 6, which it reaches later.
        Complete(1);
        Assert.Equal("1", (await prefetch.GetAsync(Id(1)))[0].Name);
        await StartedAsync(5);
        prefetch.Schedule([Id(11), Id(12)]);
        var order = new List<int>();
        foreach (var walked in new[] { 2, 3, 4 })
        {
            Complete(walked);
            await prefetch.GetAsync(Id(walked));
            await StartedAsync(6 + order.Count);
            order.Add(_started.Last());
        }

        Assert.Equal([11, 12, 6], order);

        // A folder that was never queued is loaded when asked for.
        Complete(99);
        Assert.Equal("99", (await prefetch.GetAsync(Id(99)))[0].Name);
    }

    [Fact]
    public async Task A_failed_load_is_reported_when_the_walk_reaches_it_and_the_rest_are_cancelled_on_disposal()
    {
        var prefetch = new TreePrefetch(LoadAsync, CancellationToken.None);
        prefetch.Schedule([Id(1), Id(2), Id(3)]);
        await StartedAsync(3);
        _loads[2].SetException(new ResticRepositoryIntegrityException("data/ab/abc", "damaged"));
        Complete(1);
        await prefetch.GetAsync(Id(1));
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => prefetch.GetAsync(Id(2)));
        Assert.Equal("data/ab/abc", error.FileName);

        prefetch.Dispose();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _loads[3].Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    // The loads start on the thread pool: wait until they did.
    private async Task StartedAsync(int count)
    {
        for (var waited = 0; _started.Count < count; waited++)
        {
            Assert.True(waited < 1000, $"{_started.Count} loads started, {count} expected");
            await Task.Delay(10);
        }
    }

    private static BlobId Id(int n) => BlobId.FromBytes(Enumerable.Repeat((byte)n, 32).ToArray());

    private static int Number(BlobId id) => Convert.FromHexString(id.ToString())[0];

    private void Complete(int n) => _loads.GetOrAdd(n, _ => new TaskCompletionSource<TreeNodeDto[]>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult([new TreeNodeDto { Name = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }]);

    private Task<TreeNodeDto[]> LoadAsync(BlobId id, CancellationToken cancellationToken)
    {
        var n = Number(id);
        _started.Enqueue(n);
        var load = _loads.GetOrAdd(n, _ => new TaskCompletionSource<TreeNodeDto[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        cancellationToken.Register(() => load.TrySetCanceled(cancellationToken));
        return load.Task;
    }
}
