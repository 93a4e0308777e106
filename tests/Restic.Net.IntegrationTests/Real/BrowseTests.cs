using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>ls, find and diff against the real restic, checked against the files on disk.</summary>
[Collection(RepositoryCollection.Name)]
public class BrowseTests(RepositoryFixture fixture)
{
    [Fact(Timeout = 60000)]
    public async Task ListAsync_FirstSnapshot_ListsEveryFileWithItsSize()
    {
        var listing = fixture.Client.GetNodesAsync(fixture.First.SnapshotId!.Value);
        var files = new Dictionary<string, SnapshotNode>(StringComparer.Ordinal);
        await foreach (var node in listing)
        {
            if (node.Type == NodeType.File)
            {
                files.Add(node.Path, node);
            }
        }

        var expected = Directory.EnumerateFiles(fixture.FirstStatePath, "*", SearchOption.AllDirectories).ToArray();
        Assert.Equal(expected.Length, files.Count);
        foreach (var file in expected)
        {
            var path = Path.Combine(fixture.SourcePath, Path.GetRelativePath(fixture.FirstStatePath, file));
            Assert.Equal((long)new FileInfo(file).Length, files[path].Size);
            Assert.Equal(Path.GetFileName(file), files[path].Name);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task ListAsync_FolderWithAndWithoutRecursion_ListsChildrenOrTheWholeSubtree()
    {
        SnapshotReference snapshot = fixture.First.SnapshotId!.Value;
        var folder = Path.Combine(fixture.SourcePath, "dir1");

        var children = await ToListAsync(fixture.Client.GetNodesAsync(snapshot, new ListOptions { Paths = [folder] }));
        var subtree = await ToListAsync(fixture.Client.GetNodesAsync(snapshot, new ListOptions { Paths = [folder], Recursive = true }));

        Assert.Equal(
            ["dir1", .. Directory.EnumerateDirectories(Path.Combine(fixture.FirstStatePath, "dir1")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)],
            children.Select(n => n.Name).ToArray());
        Assert.Equal(
            Directory.EnumerateFiles(Path.Combine(fixture.FirstStatePath, "dir1"), "*", SearchOption.AllDirectories).Count(),
            subtree.Count(n => n.Type == NodeType.File));
    }

    [Fact(Timeout = 60000)]
    public async Task FindAsync_Pattern_FindsTheMatchingFilesOfTheSnapshot()
    {
        var results = await ToListAsync(fixture.Client.FindAsync(["file01*.bin"], new FindOptions { Snapshots = [fixture.First.SnapshotId!.Value] }));

        var result = Assert.Single(results);
        Assert.True(result.SnapshotId.Matches(fixture.First.SnapshotId.Value));
        var expected = Directory.EnumerateFiles(fixture.FirstStatePath, "file01*.bin", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, result.Matches.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(result.Matches, m => Assert.Equal(NodeType.File, m.Type));
    }

    [Fact(Timeout = 120000)]
    public async Task DiffAsync_AddedChangedAndRemovedFiles_AreReportedWithStatistics()
    {
        var root = fixture.NewFolder("diff");
        var source = Path.Combine(root, "src");
        SourceTree.WriteSmallFiles(source, count: 20, seed: 11);
        await TestRestic.InitializeAsync(Path.Combine(root, "repo"));
        var client = new ResticClient(TestRestic.Options(Path.Combine(root, "repo"), Path.Combine(root, "cache")));
        var first = await client.BackupAsync([source]);
        var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        File.Delete(files[0]);
        File.WriteAllBytes(files[1], [1, 2, 3]);
        File.WriteAllText(Path.Combine(source, "added.txt"), "new");
        var second = await client.BackupAsync([source]);

        var events = await ToListAsync(client.StreamDiffAsync(first.SnapshotId!.Value, second.SnapshotId!.Value));
        var changes = events.OfType<DiffChangeEvent>().Select(e => e.Change).ToList();
        var statistics = Assert.IsType<DiffCompletedEvent>(events[^1]).Statistics;

        Assert.True(Assert.Single(changes, c => c.Path == files[0]).IsRemoved);
        Assert.True(Assert.Single(changes, c => c.Path == files[1]).IsContentChanged);
        Assert.True(Assert.Single(changes, c => c.Path == Path.Combine(source, "added.txt")).IsAdded);
        Assert.Equal(3, changes.Count(c => !c.IsDirectory));
        Assert.Equal(1, statistics.Added.Files);
        Assert.Equal(1, statistics.Removed.Files);
        Assert.Equal(1, statistics.ChangedFiles);
        Assert.Single(events.OfType<DiffCompletedEvent>());

        // restic diff takes no "latest"; the client resolves it. The Task sibling returns the same.
        var againstLatest = await client.DiffAsync(first.SnapshotId!.Value, SnapshotReference.Latest);
        Assert.Equal(changes, againstLatest.Changes);
        Assert.Equal(statistics with { TargetSnapshot = againstLatest.Statistics.TargetSnapshot }, againstLatest.Statistics);
        Assert.True(second.SnapshotId!.Value.Matches(SnapshotId.Parse(againstLatest.Statistics.TargetSnapshot.Snapshot)));
    }

    [Fact(Timeout = 60000)]
    public async Task Subfolder_ListsDumpsAndRestoresInsideTheFolder_OrIsRefusedBefore016()
    {
        var folder = Path.Combine(fixture.SourcePath, "dir1");
        var inside = SnapshotReference.FromSnapshotId(fixture.First.SnapshotId!.Value).WithSubfolder(folder);
        var version = await fixture.Client.GetVersionAsync();
        if (!version.Capabilities.SubfolderSyntax)
        {
            // restic 0.14/0.15 would read "id:/path" as an id and fail with a misleading "no matching ID".
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => ToListAsync(fixture.Client.GetNodesAsync(inside)));
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => fixture.Client.RestoreAsync(inside, fixture.NewFolder("sub-restore")));
            return;
        }

        // Paths inside the subfolder's tree are relative to it.
        var nodes = await ToListAsync(fixture.Client.GetNodesAsync(inside));
        var expected = Directory.EnumerateFileSystemEntries(Path.Combine(fixture.FirstStatePath, "dir1"), "*", SearchOption.AllDirectories)
            .Select(p => "/" + Path.GetRelativePath(Path.Combine(fixture.FirstStatePath, "dir1"), p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, nodes.Select(n => n.Path).Where(p => p != "/").Order(StringComparer.Ordinal));

        var target = fixture.NewFolder("sub-restore");
        await fixture.Client.RestoreAsync(inside, target);
        SourceTree.AssertSameFiles(Path.Combine(fixture.FirstStatePath, "dir1"), target);
    }

    [Fact(Timeout = 60000)]
    public async Task ListAsync_UnknownSnapshot_ThrowsOnEveryVersion()
    {
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => ToListAsync(fixture.Client.GetNodesAsync(SnapshotReference.Parse("deadbeef"))));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
