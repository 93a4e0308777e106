using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class CopyRewriteRepairCacheTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task CopyAsync_Recording_ListsTheCopiedSnapshots(string version)
    {
        var runner = FixtureRunner.Replaying(version, "copy");

        var result = await runner.CreateClient().CopyAsync(new LocalRepository("/tmp/restic-fixtures/repo"), ResticPassword.FromValue("source-secret"));

        Assert.Equal(3, result.Copied.Count); // the three snapshots left after forget
        Assert.Empty(result.Skipped);
        Assert.All(result.Copied, c => Assert.Equal(8, c.SourceId.Value.Length));
        Assert.Equal(3, result.Copied.Select(c => c.TargetId).Distinct().Count());
        Assert.DoesNotContain(result.Output, l => l.StartsWith("[0:"));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task CopyAsync_AgainRecording_ListsTheSkippedSnapshotsWithTheirCopies(string version)
    {
        var copied = TextOutputOf(version, "copy");
        var client = FixtureRunner.Replaying(version, "copy-again").CreateClient();

        var result = await client.CopyAsync(new LocalRepository("/src"), ResticPassword.FromValue("pw"));

        Assert.Empty(result.Copied);
        Assert.Equal(3, result.Skipped.Count);
        Assert.All(result.Skipped, s => Assert.Contains($"snapshot {s.TargetId} saved", copied));
    }

    [Fact]
    public async Task CopyAsync_SourceSecrets_GoToTheEnvironmentOnly()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "copy");
        var source = new GenericRepository("rest:http://user:url-secret@127.0.0.1:8000/repo") { Options = new Dictionary<string, string> { ["rest.connections"] = "3" } };

        await runner.CreateClient().CopyAsync(source, ResticPassword.FromValue("source-secret"), new CopyOptions { Snapshots = [SnapshotReference.Parse("abcd1234")] });

        var invocation = runner.Invocations[^1];
        Assert.Equal(["copy", "--json", "--verbose", "--option=rest.connections=3", "--", "abcd1234"], invocation.Arguments);
        Assert.Equal("rest:http://user:url-secret@127.0.0.1:8000/repo", invocation.Environment["RESTIC_FROM_REPOSITORY"]);
        Assert.Equal("source-secret", invocation.Environment["RESTIC_FROM_PASSWORD"]);
        Assert.Equal("fixture-password", invocation.Environment["RESTIC_PASSWORD"]);
        Assert.Equal("/tmp/restic-fixtures/repo", invocation.Environment["RESTIC_REPOSITORY"]);
    }

    [Fact]
    public async Task CopyAsync_SourcePasswordFile_BecomesFromPasswordFile()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "copy");

        await runner.CreateClient().CopyAsync(new LocalRepository("/src"), ResticPassword.FromFile("/etc/restic/source"));

        Assert.Equal("/etc/restic/source", runner.Invocations[^1].Environment["RESTIC_FROM_PASSWORD_FILE"]);
        Assert.False(runner.Invocations[^1].Environment.ContainsKey("RESTIC_FROM_PASSWORD"));
    }

    [Fact]
    public async Task CopyAsync_ConflictingBackendVariables_ThrowBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "copy");
        var client = runner.CreateClient(o => o.Repository = new GenericRepository("s3:http://a/b") { Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "one" } });
        var source = new GenericRepository("s3:http://c/d") { Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "two" } };

        await Assert.ThrowsAsync<ArgumentException>(() => client.CopyAsync(source, ResticPassword.FromValue("pw")));

        Assert.DoesNotContain(runner.Invocations, i => i.Arguments[0] == "copy");
    }

    [Fact]
    public async Task RewriteAsync_Recording_ListsTheReplacedSnapshots()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "rewrite");

        var result = await runner.CreateClient().RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = ["/tmp/restic-fixtures/src/docs/note-01.txt"] });

        Assert.False(result.IsDryRun);
        Assert.Equal(3, result.ModifiedSnapshots);
        Assert.Equal(3, result.Changes.Count);
        Assert.All(result.Changes, c => Assert.False(c.OldRemoved));
        Assert.All(result.Changes, c => Assert.NotNull(c.NewId));
        Assert.Contains(result.Output, l => l.StartsWith("excluding /tmp/restic-fixtures/src/docs/note-01.txt"));
        Assert.Equal(["rewrite", "--json", "--exclude=/tmp/restic-fixtures/src/docs/note-01.txt"], runner.LastArguments);
    }

    [Fact]
    public async Task RewriteAsync_DryRunRecording_ListsWhatWouldChange()
    {
        var result = await FixtureRunner.Replaying("0.18.0", "rewrite-dry-run").CreateClient()
            .RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = ["/x"], DryRun = true });

        Assert.True(result.IsDryRun);
        Assert.Equal(3, result.ModifiedSnapshots);
        Assert.All(result.Changes, c => Assert.Null(c.NewId));
    }

    [Fact]
    public async Task RewriteAsync_ForgetRecording_MarksTheOriginalsRemoved()
    {
        var result = await FixtureRunner.Replaying("0.18.0", "rewrite-forget").CreateClient()
            .RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = ["/x"], Forget = true });

        Assert.NotEmpty(result.Changes);
        Assert.Equal(result.ModifiedSnapshots, result.Changes.Count);
        Assert.All(result.Changes, c => Assert.True(c.OldRemoved));
    }

    [Fact]
    public async Task RewriteAsync_NothingToExclude_ReportsNothingModified()
    {
        var result = await FixtureRunner.Replaying("0.18.0", "rewrite-nothing").CreateClient()
            .RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = ["/no-such-path"] });

        Assert.Equal(0, result.ModifiedSnapshots);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public async Task RewriteAsync_Restic014_ThrowsNotSupported()
    {
        var runner = FixtureRunner.Replaying("0.14.0", "forget");

        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => runner.CreateClient().RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = ["/x"] }));

        Assert.Equal(new Version(0, 15, 0), ex.RequiredVersion);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task RewriteAsync_NoExclude_ThrowsBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "rewrite");

        await Assert.ThrowsAsync<ArgumentException>(() => runner.CreateClient().RewriteAsync(SnapshotSelection.All, new RewriteOptions()));

        Assert.Empty(runner.Invocations);
    }

    [Theory]
    [InlineData("0.14.0", "rebuild-index")]
    [InlineData("0.18.0", "repair index")]
    [InlineData("0.19.1", "repair index")]
    public async Task RepairIndexAsync_Recording_UsesTheCommandOfTheVersion(string version, string verb)
    {
        var runner = FixtureRunner.Replaying(version, "repair-index");

        var result = await runner.CreateClient().RepairIndexAsync(new RepairIndexOptions { ReadAllPacks = true });

        Assert.Equal([.. verb.Split(' '), "--json", "--read-all-packs"], runner.LastArguments);
        Assert.Contains("done", result.Output);
        Assert.DoesNotContain(result.Output, l => l.StartsWith("[0:"));
    }

    [Fact]
    public async Task RepairSnapshotsAsync_Recording_ReportsNothingToRepair()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "repair-snapshots");

        var result = await runner.CreateClient().RepairSnapshotsAsync(new RepairSnapshotsOptions { Forget = true });

        Assert.Equal(0, result.ModifiedSnapshots);
        Assert.Empty(result.Changes);
        Assert.Equal(["repair", "snapshots", "--json", "--forget"], runner.LastArguments);
    }

    [Fact]
    public async Task RepairSnapshotsAsync_Restic014_ThrowsNotSupported()
    {
        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => FixtureRunner.Replaying("0.14.0", "forget").CreateClient().RepairSnapshotsAsync());

        Assert.Equal(new Version(0, 16, 0), ex.RequiredVersion);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetCacheAsync_Recording_ListsTheCacheFolders(string version)
    {
        var runner = FixtureRunner.Replaying(version, "cache");

        var cache = await runner.CreateClient(o => o.CacheDirectory = "/tmp/restic-fixtures/cache").GetCacheAsync();

        Assert.Equal("/tmp/restic-fixtures/cache", cache.Directory);
        Assert.Equal(4, cache.Entries.Count);
        Assert.All(cache.Entries, e => Assert.Matches("^[0-9a-f]{10}$", e.RepositoryIdPrefix));
        Assert.All(cache.Entries, e => Assert.False(e.IsOld));
        Assert.Contains(cache.Entries, e => e.Size == 1);
        var invocation = runner.Invocations[^1];
        Assert.Equal(["cache", "--json"], invocation.Arguments);
        Assert.Equal("/tmp/restic-fixtures/cache", invocation.Environment["RESTIC_CACHE_DIR"]);
        Assert.False(invocation.Environment.ContainsKey("RESTIC_PASSWORD")); // cache opens no repository
    }

    [Theory]
    [InlineData("0.14.0", "cache-cleanup", 0)]
    [InlineData("0.18.0", "cache-cleanup", 0)]
    [InlineData("0.19.1", "cache-cleanup", 0)]
    [InlineData("0.14.0", "cache-cleanup-all", 4)]
    [InlineData("0.18.0", "cache-cleanup-all", 4)]
    [InlineData("0.19.1", "cache-cleanup-all", 4)]
    public async Task CleanupCacheAsync_Recording_CountsTheRemovedFolders(string version, string scenario, int removed)
    {
        var runner = FixtureRunner.Replaying(version, scenario);

        var result = await runner.CreateClient().CleanupCacheAsync(new CacheCleanupOptions { MaxAge = TimeSpan.Zero });

        Assert.Equal(removed, result.RemovedDirectories);
        Assert.Equal(["cache", "--json", "--cleanup", "--max-age=0"], runner.LastArguments);
    }

    [Theory]
    [InlineData(-24.0)]
    [InlineData(36.0)]
    public async Task CleanupCacheAsync_MaxAgeThatIsNotWholeDays_ThrowsBeforeAnyProcessStarts(double hours)
    {
        var runner = FixtureRunner.Replaying("0.18.0", "cache-cleanup-all");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => runner.CreateClient().CleanupCacheAsync(new CacheCleanupOptions { MaxAge = TimeSpan.FromHours(hours) }));

        Assert.Empty(runner.Invocations);
    }

    [Fact]
    public void CacheRow_OldEntryWithoutSize_IsParsed()
    {
        var cache = Restic.Net.Serialization.TextOutput.ParseCache(["0123456789  45 days ago  yes", "abcdefabcd   1 day ago   yes  2.000 MiB", "2 cache dirs in /var/cache/restic"]);

        Assert.Equal([TimeSpan.FromDays(45), TimeSpan.FromDays(1)], cache.Entries.Select(e => e.Age));
        Assert.All(cache.Entries, e => Assert.True(e.IsOld));
        Assert.Null(cache.Entries[0].Size);
        Assert.Equal(2 * 1024 * 1024, cache.Entries[1].Size);
        Assert.Equal("/var/cache/restic", cache.Directory);
    }

    private static string TextOutputOf(string version, string scenario) =>
        System.Text.Encoding.UTF8.GetString(Fixture.Load(version, scenario).StandardOutput);
}
