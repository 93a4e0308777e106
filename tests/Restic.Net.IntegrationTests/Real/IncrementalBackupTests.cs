using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Incremental backups, deduplication statistics, retention and pruning on a repository of its own.</summary>
public sealed class IncrementalBackupTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private ResticClient _client = null!;

    private string Source => _root.Combine("src");

    public async Task InitializeAsync()
    {
        SourceTree.WriteSmallFiles(Source, count: 150, seed: 1);
        await TestRestic.InitializeAsync(_root.Combine("repo"));
        _client = new ResticClient(TestRestic.Options(_root.Combine("repo"), _root.Combine("cache")));
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 120000)]
    public async Task SecondBackup_AfterChangingAFewFiles_IsIncrementalDeduplicatedAndRestorable()
    {
        var first = await _client.BackupAsync([Source]);
        var changed = Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(3).ToArray();
        foreach (var file in changed)
        {
            File.AppendAllText(file, "changed");
        }

        File.WriteAllText(Path.Combine(Source, "added.txt"), "a new file");

        var second = await _client.BackupAsync([Source]);

        Assert.Equal(1L, second.FilesNew);
        Assert.Equal(3L, second.FilesChanged);
        Assert.Equal(147L, second.FilesUnmodified);
        Assert.True(second.DataAdded < first.DataAdded / 10, $"incremental backup added {second.DataAdded} of {first.DataAdded} bytes");

        var stats = await _client.GetStatsAsync();
        Assert.Equal(2, stats.SnapshotsCount);
        Assert.True(stats.DeduplicationRatio > 1.5, $"two almost equal snapshots deduplicate; ratio was {stats.DeduplicationRatio}");
        Assert.NotNull(stats.StoredSize);
        // Fractions, 0 to 1, where restic prints percentages; null before restic 0.15, which does not compress.
        Assert.Equal(stats.TotalUncompressedSize is null ? null : 1.0, stats.CompressionProgress);
        Assert.Equal(stats.TotalUncompressedSize is null, stats.CompressionSpaceSaving is null);
        Assert.InRange(stats.CompressionSpaceSaving ?? 0, 0, 1);

        var target = _root.Combine("restore");
        await _client.RestoreAsync(SnapshotReference.Latest, target);
        SourceTree.AssertSameFiles(Source, SourceTree.RestoredPath(target, Source));
    }

    [Fact(Timeout = 120000)]
    public async Task ForgetAsync_DefaultPolicyWithPrune_RemovesTheOlderSnapshotOfTheSameDay()
    {
        var old = await _client.BackupAsync([Source], new BackupOptions { Time = new DateTimeOffset(2021, 6, 1, 10, 0, 0, TimeSpan.Zero) });
        // Two snapshots of the same day whatever the time of the run (ten minutes before now failed just after midnight).
        var today = new DateTimeOffset(DateTime.Today);
        var morning = await _client.BackupAsync([Source], new BackupOptions { Time = today.AddHours(8) });
        var latest = await _client.BackupAsync([Source], new BackupOptions { Time = today.AddHours(9) });

        var plan = await _client.ForgetAsync(RetentionPolicy.Default, new ForgetOptions { DryRun = true });
        Assert.True(plan.IsDryRun);
        Assert.Equal(3, (await _client.GetSnapshotsAsync()).Count);

        var result = await _client.ForgetAsync(RetentionPolicy.Default, new ForgetOptions { Prune = true });

        var removed = Assert.Single(result.Removed);
        Assert.True(removed.Id.Matches(morning.SnapshotId!.Value));
        Assert.Contains(result.Kept, s => s.Id.Matches(latest.SnapshotId!.Value));
        Assert.Contains(result.Kept, s => s.Id.Matches(old.SnapshotId!.Value));
        Assert.Contains(result.Groups[0].Reasons, r => r.Matches.Contains("yearly snapshot"));
        Assert.NotNull(result.Prune);
        Assert.NotNull(result.Prune!.RemainingBlobs);
        Assert.Equal(2, (await _client.GetSnapshotsAsync()).Count);

        // The limits as restic reads them on every version: --max-unused=1G, --max-repack-size=1073741824.
        var prune = await _client.PruneAsync(new PruneOptions { MaxUnused = MaxUnused.Parse("1073741824"), MaxRepackSize = 1L << 30 });
        Assert.Equal(0, prune.TotalPrunedBlobs);
        Assert.True((await _client.CheckAsync(new CheckOptions { ReadData = true })).IsHealthy);
    }

    [Fact(Timeout = 120000)]
    public async Task KeepTags_ATagSetNeedsAllItsTags_SeparateEntriesNeedAny()
    {
        // restic reads "a,b" as "tagged a and b": the client passes it so, on every version.
        File.WriteAllBytes(Path.Combine(Source, "large.bin"), new byte[64 * 1024]);
        var onlyA = await _client.BackupAsync([Source], new BackupOptions { Tags = ["a"], Force = true, ExcludeLargerThan = 32 * 1024 });
        var both = await _client.BackupAsync([Source], new BackupOptions { Tags = ["a", "b"], Force = true });
        var onlyB = await _client.BackupAsync([Source], new BackupOptions { Tags = ["b"], Force = true });

        var set = await _client.ForgetAsync(new RetentionPolicy { KeepTags = ["a,b"] }, new ForgetOptions { DryRun = true, GroupBy = SnapshotGrouping.None });
        var any = await _client.ForgetAsync(new RetentionPolicy { KeepTags = ["a", "b"] }, new ForgetOptions { DryRun = true, GroupBy = SnapshotGrouping.None });

        var within = await _client.ForgetAsync(new RetentionPolicy { KeepWithin = ResticDuration.Parse("1y6m") }, new ForgetOptions { DryRun = true, GroupBy = SnapshotGrouping.None });

        Assert.Equal(150L, onlyA.FilesNew); // the 64 KiB file was excluded (--exclude-larger-than=32768)
        Assert.Equal(151L, both.FilesNew + both.FilesChanged + both.FilesUnmodified);
        Assert.Equal(3, within.Kept.Count);
        Assert.Contains("within 1y6m", within.Groups[0].Reasons[0].Matches); // restic prints the duration as ToString does
        Assert.True(both.SnapshotId!.Value.Matches(Assert.Single(set.Kept).Id));
        Assert.Equal(2, set.Removed.Count);
        Assert.Equal(3, any.Kept.Count);
        Assert.Empty(any.Removed);
        Assert.Contains(set.Removed, s => s.Id.Matches(onlyA.SnapshotId!.Value));
        Assert.Contains(set.Removed, s => s.Id.Matches(onlyB.SnapshotId!.Value));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.BackupAsync([Source], new BackupOptions { Tags = ["a,b"] }));
    }
}
