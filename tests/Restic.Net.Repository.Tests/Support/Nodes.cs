namespace Restic.Net.Repository.Tests.Support;

internal static class Nodes
{
    /// <summary>Collects a listing.</summary>
    public static async Task<List<SnapshotNode>> ToListAsync(this IAsyncEnumerable<SnapshotNode> nodes)
    {
        var list = new List<SnapshotNode>();
        await foreach (var node in nodes)
        {
            list.Add(node);
        }

        return list;
    }

    /// <summary>Collects the results of a find.</summary>
    public static async Task<List<FindResult>> ToResultsAsync(this IAsyncEnumerable<FindResult> results)
    {
        var list = new List<FindResult>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    /// <summary>Collects a file history.</summary>
    public static async Task<List<FileVersion>> ToVersionsAsync(this IAsyncEnumerable<FileVersion> versions)
    {
        var list = new List<FileVersion>();
        await foreach (var version in versions)
        {
            list.Add(version);
        }

        return list;
    }

    /// <summary>Collects a diff's events as <see cref="ResticClientExtensions.DiffAsync"/> does, checking that the totals come once, last.</summary>
    public static async Task<DiffResult> ToDiffResultAsync(this IAsyncEnumerable<DiffEvent> events)
    {
        var changes = new List<DiffChange>();
        DiffStatistics? statistics = null;
        await foreach (var item in events)
        {
            Assert.Null(statistics);
            switch (item)
            {
                case DiffChangeEvent { Change: var change }:
                    changes.Add(change);
                    break;
                case DiffCompletedEvent { Statistics: var totals }:
                    statistics = totals;
                    break;
            }
        }

        Assert.NotNull(statistics);
        return new DiffResult { Changes = changes, Statistics = statistics };
    }
}
