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
}
