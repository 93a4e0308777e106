using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>copy and rewrite against the real restic, checked by the copied bytes and the listing.</summary>
public sealed class CopyAndRewriteTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 180000)]
    public async Task CopyAsync_BetweenRepositoriesWithDifferentPasswords_CopiesOnceAndTheDataIsIdentical()
    {
        // Two snapshots: restic 0.19 copies them in one batch and reports both at its end.
        var (source, sourceFiles) = await _root.NewRepositoryAsync("copy-source");
        var first = await source.BackupAsync([sourceFiles], new BackupOptions { Tags = ["first"] });
        await File.WriteAllTextAsync(Path.Combine(sourceFiles, "added.txt"), "only in the second snapshot");
        var second = await source.BackupAsync([sourceFiles], new BackupOptions { Tags = ["second"] });
        var targetOptions = TestRestic.Options(_root.Combine("copy-target", "repo"), _root.Combine("copy-target", "cache"));
        targetOptions.Password = ResticPassword.FromValue("another-password");
        var target = new ResticClient(targetOptions);
        await target.InitAsync();
        var from = new LocalRepository(_root.Combine("copy-source", "repo"));

        var copy = await target.CopyAsync(from, ResticPassword.FromValue(TestRestic.Password));
        var again = await target.CopyAsync(from, ResticPassword.FromValue(TestRestic.Password));

        Assert.Equal(2, copy.Copied.Count);
        var snapshots = await target.GetSnapshotsAsync();
        Assert.Equal(2, snapshots.Count);
        foreach (var (backup, tag) in new[] { (first, "first"), (second, "second") })
        {
            // Each source snapshot maps to the target snapshot with its tag.
            var copied = Assert.Single(copy.Copied, c => backup.SnapshotId!.Value.Matches(c.SourceId));
            var snapshot = Assert.Single(snapshots, s => s.Id.Matches(copied.TargetId));
            Assert.Equal([tag], snapshot.Tags);
            Assert.Equal(copied.TargetId, Assert.Single(again.Skipped, s => s.SourceId == copied.SourceId).TargetId);
        }

        Assert.Empty(again.Copied);
        var latest = snapshots.Single(s => s.Tags.Contains("second"));
        var file = Path.Combine(sourceFiles, "added.txt");
        using var dumped = new MemoryStream();
        await target.DumpAsync(latest.Id, file, dumped);
        Assert.Equal(await File.ReadAllBytesAsync(file), dumped.ToArray());
    }

    [Fact(Timeout = 180000)]
    public async Task RewriteAsync_ExcludeAFile_TheFileIsGoneFromTheListing()
    {
        var (client, source) = await _root.NewRepositoryAsync("rewrite");
        var version = await client.GetVersionAsync();
        var secret = Path.Combine(source, "secret.txt");
        await File.WriteAllTextAsync(secret, "should not have been backed up");
        await client.BackupAsync([source]);
        if (!version.Capabilities.Rewrite)
        {
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = [secret] }));
            return;
        }

        var plan = await client.RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = [secret], DryRun = true });
        Assert.Equal(1, plan.ModifiedSnapshots);
        Assert.Single(await client.GetSnapshotsAsync());

        var kept = await client.RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = [secret] });
        Assert.Equal(2, (await client.GetSnapshotsAsync()).Count); // original kept next to the rewritten copy

        var forgotten = await client.RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = [secret], Forget = true });

        // The original still had the file; the copy made above had not and is left alone.
        var change = Assert.Single(forgotten.Changes);
        Assert.True(change.OldRemoved);
        var snapshots = await client.GetSnapshotsAsync();
        Assert.Equal(2, snapshots.Count);
        foreach (var snapshot in snapshots)
        {
            await foreach (var node in client.GetNodesAsync(snapshot.Id))
            {
                Assert.NotEqual(secret, node.Path);
            }
        }

        Assert.Contains(snapshots, s => s.Id.Matches(kept.Changes.Single().NewId!.Value));
    }
}
