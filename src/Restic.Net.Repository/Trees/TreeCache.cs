using System.Collections.Concurrent;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;

namespace Restic.Net.Repository.Trees;

/// <summary>
/// Decoded trees by id (a tree never changes under its id). Bounded: when full it starts over, which keeps
/// the folders of the latest calls without the bookkeeping of an LRU.
/// </summary>
internal sealed class TreeCache(int capacity)
{
    private readonly ConcurrentDictionary<BlobId, TreeNodeDto[]> _trees = new();

    public bool TryGet(BlobId id, out TreeNodeDto[] nodes) => _trees.TryGetValue(id, out nodes!);

    public void Add(BlobId id, TreeNodeDto[] nodes)
    {
        if (capacity == 0)
        {
            return;
        }

        if (_trees.Count >= capacity)
        {
            _trees.Clear();
        }

        _trees[id] = nodes;
    }

    /// <summary>Drops every tree (the reader was disposed).</summary>
    public void Clear() => _trees.Clear();
}
