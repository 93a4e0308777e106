using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Tags, repair, cache and forget plans against the real restic, each checked by its effect.</summary>
public sealed class TagRepairAndCacheTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 120000)]
    public async Task TagAsync_ByFilterAndById_ChangesTheTagsOfExactlyThoseSnapshots()
    {
        var (client, source) = await _root.NewRepositoryAsync("tags");
        var version = await client.GetVersionAsync();
        await client.BackupAsync([source], new BackupOptions { HostName = "host-a", Tags = ["base"] });
        await client.BackupAsync([source], new BackupOptions { HostName = "host-b", Tags = ["base"] });

        var added = await client.TagAsync(SnapshotSelection.Matching(new SnapshotFilter { HostNames = ["host-a"] }), new TagOptions { Add = ["extra"] });

        Assert.Equal(1, added.ChangedSnapshots);
        var snapshots = await client.GetSnapshotsAsync();
        Assert.Equal(["base", "extra"], snapshots.Single(s => s.HostName == "host-a").Tags.Order());
        Assert.Equal(["base"], snapshots.Single(s => s.HostName == "host-b").Tags);
        if (version.Capabilities.JsonTag)
        {
            Assert.Equal(snapshots.Single(s => s.HostName == "host-a").Id, Assert.Single(added.Changes!).NewId);
        }
        else
        {
            Assert.Null(added.Changes);
        }

        var b = snapshots.Single(s => s.HostName == "host-b");
        var set = await client.TagAsync(SnapshotSelection.Of(b.Id), new TagOptions { Set = ["one", "two"] });

        Assert.Equal(1, set.ChangedSnapshots);
        snapshots = await client.GetSnapshotsAsync();
        Assert.Equal(["one", "two"], snapshots.Single(s => s.HostName == "host-b").Tags.Order());
        Assert.True(snapshots.Single(s => s.HostName == "host-b").Original!.Value.Matches(b.Id));
        Assert.Equal(0, (await client.TagAsync(SnapshotSelection.All, new TagOptions { Remove = ["no-such-tag"] })).ChangedSnapshots);

        // Ids with a filter: restic picks 'latest' among the snapshots that match the filter (host-b's is the newest overall).
        var latestOfA = await client.TagAsync(
            SnapshotSelection.Of([SnapshotReference.Latest], new SnapshotFilter { HostNames = ["host-a"] }), new TagOptions { Add = ["latest-of-a"] });

        Assert.Equal(1, latestOfA.ChangedSnapshots);
        snapshots = await client.GetSnapshotsAsync();
        Assert.Contains("latest-of-a", snapshots.Single(s => s.HostName == "host-a").Tags);
        Assert.DoesNotContain("latest-of-a", snapshots.Single(s => s.HostName == "host-b").Tags);
    }

    [Fact(Timeout = 180000)]
    public async Task Repair_LostPackFile_IndexAndSnapshotsAreRepairedUntilCheckPasses()
    {
        var (client, source) = await _root.NewRepositoryAsync("repair");
        var version = await client.GetVersionAsync();
        SourceTree.WriteLargeFile(Path.Combine(source, "large.bin"), megabytes: 20, seed: 9);
        await client.BackupAsync([source]);
        Assert.True((await client.CheckAsync()).IsHealthy);
        Assert.NotEmpty((await client.RepairIndexAsync()).Output);
        if (!version.Capabilities.Repair)
        {
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.RepairSnapshotsAsync());
            Assert.True((await client.CheckAsync()).IsHealthy);
            return;
        }

        var pack = Directory.EnumerateFiles(_root.Combine("repair", "repo", "data"), "*", SearchOption.AllDirectories).OrderByDescending(f => new FileInfo(f).Length).First();
        File.Delete(pack);
        Assert.False((await client.CheckAsync()).IsHealthy);

        await client.RepairIndexAsync();
        var plan = await client.RepairSnapshotsAsync(new RepairSnapshotsOptions { DryRun = true });
        var repaired = await client.RepairSnapshotsAsync(new RepairSnapshotsOptions { Forget = true });

        Assert.Equal(1, plan.ModifiedSnapshots);
        Assert.Null(Assert.Single(plan.Changes).NewId);
        var change = Assert.Single(repaired.Changes);
        Assert.True(change.OldRemoved);
        Assert.True(Assert.Single(await client.GetSnapshotsAsync()).Id.Matches(change.NewId!.Value));
        Assert.True((await client.CheckAsync()).IsHealthy);
    }

    [Fact(Timeout = 120000)]
    public async Task Cache_ListAndCleanup_SeeAndRemoveTheRepositorysCacheFolder()
    {
        var (client, source) = await _root.NewRepositoryAsync("cache");
        await client.BackupAsync([source]);
        var config = await client.GetConfigAsync();

        var cache = await client.GetCacheAsync();

        Assert.Equal(_root.Combine("cache", "cache"), cache.Directory);
        var entry = Assert.Single(cache.Entries);
        Assert.Equal(config.Id[..10], entry.RepositoryIdPrefix);
        Assert.Equal(TimeSpan.Zero, entry.Age);
        Assert.True(entry.Size > 0);
        Assert.Equal(0, (await client.CleanupCacheAsync()).RemovedDirectories);

        var cleaned = await client.CleanupCacheAsync(new CacheCleanupOptions { MaxAge = TimeSpan.Zero });

        Assert.Equal(1, cleaned.RemovedDirectories);
        Assert.Empty((await client.GetCacheAsync()).Entries);
    }

    [Fact(Timeout = 120000)]
    public async Task PlanForgetAsync_KeepLastOne_ReportsTheOthersButRemovesNothing()
    {
        var (client, source) = await _root.NewRepositoryAsync("plan");
        for (var i = 0; i < 3; i++)
        {
            await client.BackupAsync([source], new BackupOptions { Time = new DateTimeOffset(2024, 1, 1 + i, 12, 0, 0, TimeSpan.Zero) });
        }

        var plan = await client.PlanForgetAsync(new RetentionPolicy { KeepLast = 1 });

        Assert.True(plan.IsDryRun);
        Assert.Single(plan.Kept);
        Assert.Equal(2, plan.Removed.Count);
        Assert.Equal(3, (await client.GetSnapshotsAsync()).Count);
    }
}
