using Restic.Net.Docs.Snippets;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Docs.Tests;

/// <summary>Every recipe of docs/cookbook.md, run against the real restic; each test has its own repository.</summary>
public sealed class CookbookTests : IDisposable
{
    private readonly TempDirectory _root = new("restic-net-docs-");
    private readonly IResticClient _client;

    public CookbookTests()
    {
        _client = new ResticClient(TestRestic.Options(_root.Combine("repo"), _root.Combine("cache")));
        Documents = _root.Combine("documents");
        SourceTree.WriteSmallFiles(Documents, count: 15);
    }

    private string Documents { get; }

    [Fact(Timeout = 60000)]
    public async Task Init_CreatesTheRepository()
    {
        var info = await Cookbook.InitAsync(_client);

        Assert.Equal(64, info.Id.Length);
        Assert.True(File.Exists(_root.Combine("repo", "config")));
    }

    [Fact(Timeout = 60000)]
    public async Task Backup_ExcludesAndTags()
    {
        await Cookbook.InitAsync(_client);
        File.WriteAllText(Path.Combine(Documents, "scratch.tmp"), "excluded");

        var summary = await Cookbook.BackupAsync(_client, Documents);

        Assert.True(summary.IsComplete);
        Assert.Equal(15L, summary.FilesNew);
        Assert.Equal(["nightly"], Assert.Single(await _client.GetSnapshotsAsync()).Tags);
    }

    [Fact(Timeout = 60000)]
    public async Task BackupWithProgress_AndStreamBackup_EndWithTheSnapshot()
    {
        await Cookbook.InitAsync(_client);

        var summary = await Cookbook.BackupWithProgressAsync(_client, Documents);
        var events = await Cookbook.StreamBackupAsync(_client, Documents);

        Assert.NotNull(summary.SnapshotId);
        var completed = Assert.IsType<BackupCompletedEvent>(events[^1]);
        Assert.Equal(15L, completed.Summary.FilesUnmodified);
        Assert.Equal(2, (await _client.GetSnapshotsAsync()).Count);
    }

    [Fact(Timeout = 90000)]
    public async Task SnapshotsAndRestore_RestoreTheSameBytes()
    {
        await SeedAsync();

        var snapshots = await Cookbook.SnapshotsAsync(_client);
        var target = _root.Combine("restore");
        var latest = _root.Combine("restore-latest");
        await Cookbook.RestoreAsync(_client, snapshots, Documents, target, latest);

        Assert.Equal(2, snapshots.Count);
        SourceTree.AssertSameFiles(Documents, SourceTree.RestoredPath(latest, Documents));
        Assert.True(File.Exists(Path.Combine(SourceTree.RestoredPath(target, Documents), "dir0", "sub0", "file000.bin")));
        Assert.False(File.Exists(Path.Combine(SourceTree.RestoredPath(target, Documents), "added.bin"))); // the first snapshot predates it
    }

    [Fact(Timeout = 90000)]
    public async Task List_Find_Diff_BrowseTheSnapshots()
    {
        await SeedAsync();
        var snapshots = await _client.GetSnapshotsAsync();

        var (nodes, listed) = await Cookbook.ListAsync(_client, Documents);
        var found = await Cookbook.FindAsync(_client);
        var (changes, statistics) = await Cookbook.DiffAsync(_client, snapshots);

        Assert.True(nodes > 16, $"{nodes} nodes");
        Assert.Equal(snapshots[^1].Id, listed.Id);
        Assert.Equal(2, found.Count);
        Assert.All(found, r => Assert.True(r.Hits >= 15));
        Assert.Contains(changes, c => c.Path.EndsWith("/added.bin", StringComparison.Ordinal) && c.IsAdded);
        Assert.Equal(1, statistics!.Added.Files);
    }

    [Fact(Timeout = 60000)]
    public async Task Dump_AndBackupFromStream_RoundTripTheBytes()
    {
        await SeedAsync();
        var file = Directory.EnumerateFiles(Documents, "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var copy = _root.Combine("copy.bin");
        var database = new byte[300_000];
        new Random(5).NextBytes(database);

        await Cookbook.DumpAsync(_client, file, copy);
        var fromStream = await Cookbook.BackupFromStreamAsync(_client, () => Task.FromResult<Stream>(new MemoryStream(database)));
        using var dumped = new MemoryStream();
        await _client.DumpAsync(fromStream.SnapshotId!.Value, "/app.sql", dumped);

        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        Assert.Equal(database, dumped.ToArray());
    }

    [Fact(Timeout = 90000)]
    public async Task Tags_Forget_CheckAndStats()
    {
        await SeedAsync();

        var tagged = await Cookbook.TagAsync(_client, (await _client.GetSnapshotsAsync())[^1]);
        var forget = await Cookbook.ForgetAsync(_client);
        var (check, stats) = await Cookbook.CheckAndStatsAsync(_client);

        Assert.Equal(1, tagged.ChangedSnapshots);
        Assert.Contains("keep-forever", (await _client.GetSnapshotsAsync())[^1].Tags);
        Assert.Equal(2, forget.Kept.Count + forget.Removed.Count);
        Assert.True(check.IsHealthy);
        Assert.Equal(forget.Kept.Count, stats.SnapshotsCount);
        Assert.NotNull(stats.DeduplicationRatio);
    }

    [Fact(Timeout = 90000)]
    public async Task Cancel_StopsTheBackup_WithoutLockOrSnapshot()
    {
        await Cookbook.InitAsync(_client);
        var data = _root.Combine("sparse");
        Directory.CreateDirectory(data);
        using (var sparse = File.Create(Path.Combine(data, "disk.img")))
        {
            sparse.SetLength(64L << 30); // far more than restic reads in the time allowed
        }

        var cancelled = await Cookbook.CancelAsync(_client, data, TimeSpan.FromSeconds(4));

        Assert.True(cancelled);
        Assert.Empty(await _client.GetSnapshotsAsync());
        Assert.Empty(await _client.GetLocksAsync());
    }

    [Fact(Timeout = 60000)]
    public async Task Errors_Locks_AndPasswordRotation()
    {
        await SeedAsync();
        var newPasswordFile = _root.Combine("new-password");
        File.WriteAllText(newPasswordFile, "a-new-password-for-the-cookbook\n");

        var error = await Cookbook.HandleErrorsAsync(_client, _root.Combine("nowhere"));
        var unlocked = await Cookbook.LocksAsync(_client);
        var rotation = await Cookbook.ChangePasswordAsync(_client, newPasswordFile);

        Assert.Equal("no such snapshot", error);
        Assert.Empty(unlocked.Removed);
        Assert.NotEqual(rotation.OldKey.Id, rotation.NewKey.Id);
        var options = TestRestic.Options(_root.Combine("repo"), _root.Combine("cache"));
        options.Password = ResticPassword.FromFile(newPasswordFile);
        Assert.Equal(2, (await new ResticClient(options).GetSnapshotsAsync()).Count);
        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => _client.GetSnapshotsAsync());
    }

    public void Dispose() => _root.Dispose();

    // Two snapshots tagged "nightly"; the second has one file more.
    private async Task SeedAsync()
    {
        await Cookbook.InitAsync(_client);
        await Cookbook.BackupAsync(_client, Documents);
        File.WriteAllBytes(Path.Combine(Documents, "added.bin"), [1, 2, 3]);
        await Cookbook.BackupAsync(_client, Documents);
    }
}
