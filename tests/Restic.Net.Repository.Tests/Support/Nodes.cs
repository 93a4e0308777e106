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
}
