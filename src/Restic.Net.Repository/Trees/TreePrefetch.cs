using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;

namespace Restic.Net.Repository.Trees;

/// <summary>
/// Loads the folders a depth-first walk will enter next ahead of it, a few at a time on the thread pool, so that reading,
/// authenticating, decompressing and decoding trees overlaps with the walk and its consumer (a one-shot listing of a
/// large snapshot spent most of its time waiting for one tree after another). Folders are queued in the order the walk
/// needs them: a folder's subfolders go before the ones queued earlier, which the walk reaches only after them. A load
/// that fails is reported when the walk reaches that folder, never before; one it never reaches is cancelled and its
/// failure observed. One per walk; not thread-safe.
/// </summary>
internal sealed class TreePrefetch(Func<BlobId, CancellationToken, Task<TreeNodeDto[]>> load, CancellationToken cancellationToken) : IDisposable
{
    private const int Window = 4;
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly Dictionary<BlobId, Task<TreeNodeDto[]>> _loading = [];
    private readonly LinkedList<BlobId> _pending = new();

    /// <summary>Queues the subfolders of a folder just read, in the order the walk will enter them.</summary>
    public void Schedule(IReadOnlyList<BlobId> subfolders)
    {
        for (var i = subfolders.Count - 1; i >= 0; i--)
        {
            _pending.AddFirst(subfolders[i]);
        }

        Pump();
    }

    /// <summary>The folder's nodes: from the load started ahead when there is one, else loaded now.</summary>
    public async Task<TreeNodeDto[]> GetAsync(BlobId id)
    {
        if (_loading.Remove(id, out var ahead))
        {
            Pump();
            return await ahead.ConfigureAwait(false);
        }

        _pending.Remove(id);
        return await load(id, _stop.Token).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var task in _loading.Values)
        {
            _ = task.ContinueWith(static done => _ = done.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        _loading.Clear();
        _pending.Clear();
        _stop.Dispose();
    }

    private void Pump()
    {
        while (_loading.Count < Window && _pending.First is { } next)
        {
            _pending.RemoveFirst();
            if (!_loading.ContainsKey(next.Value))
            {
                var id = next.Value;
                var token = _stop.Token;
                _loading[id] = Task.Run(() => load(id, token), token);
            }
        }
    }
}
