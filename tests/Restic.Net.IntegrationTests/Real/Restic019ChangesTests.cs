using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>
/// What restic 0.19 changed in output, exit codes, flags and environment, against the restic under test:
/// the client gives the same result on 0.14, 0.18 and 0.19, or refuses a 0.19 feature on older versions.
/// </summary>
public sealed class Restic019ChangesTests : IDisposable
{
    private static readonly Version s_v019 = new(0, 19, 0);
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 120000)]
    public async Task Backup_OneSourcePathMissing_IsIncompleteAndNamesIt_AndTheOtherPathIsRestored()
    {
        // restic 0.19 exits 3 here, older versions 0.
        var (client, source) = await _root.NewRepositoryAsync("missing", files: 8);
        var missing = _root.Combine("missing", "does-not-exist");

        var summary = await client.BackupAsync([source, missing]);

        Assert.False(summary.IsComplete);
        Assert.Equal(new BackupError { Item = missing, During = BackupPhase.Scan, Message = "does not exist" }, Assert.Single(summary.Errors));
        var snapshot = Assert.Single(await client.GetSnapshotsAsync());
        Assert.True(snapshot.Id.Matches(summary.SnapshotId!.Value));
        var target = _root.Combine("missing", "restore");
        await client.RestoreAsync(snapshot.Id, target);
        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(target, source));
    }

    [Fact(Timeout = 120000)]
    public async Task Forget_OnAnAppendOnlyServer_IsIncompleteAndNamesTheSnapshotsLeft()
    {
        // restic 0.19 exits 3 when it cannot remove a snapshot, older versions 0.
        await using var server = await RestServer.StartAsync(_root.Combine("append-only"), appendOnly: true);
        var source = _root.Combine("append-only", "src");
        SourceTree.WriteSmallFiles(source, count: 5, seed: 3);
        var options = TestRestic.Options(_root.Combine("unused"), _root.Combine("append-only", "cache"));
        options.Repository = ResticRepository.Parse(server.Url("repo"));
        var client = new ResticClient(options);
        await client.InitAsync();
        var older = await client.BackupAsync([source]);
        await client.BackupAsync([source], new BackupOptions { Force = true });
        var keepLast = new RetentionPolicy { KeepLast = 1 };
        if (await VersionAsync(client) < new Version(0, 17, 0))
        {
            // restic 0.14 retries the refused removal for about 45 s, then fails with a stack trace.
            var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.ForgetAsync(keepLast));
            Assert.Contains("403 Forbidden", ex.Message);
            Assert.Equal(2, (await client.GetSnapshotsAsync()).Count);
            return;
        }

        var result = await client.ForgetAsync(keepLast);

        Assert.False(result.IsComplete);
        var left = Assert.Single(result.NotRemoved);
        Assert.True(left.Matches(older.SnapshotId!.Value));
        Assert.Equal(2, (await client.GetSnapshotsAsync()).Count);
    }

    [Fact(Timeout = 120000)]
    public async Task ForgetWithPrune_DryRunThenReal_ReportThePruneOnEveryVersion()
    {
        // restic 0.19 prints no prune report with --json: the client plans, then removes exactly those.
        var (client, source) = await _root.NewRepositoryAsync("prune", files: 8);
        var older = await client.BackupAsync([source]);
        await File.WriteAllTextAsync(Path.Combine(source, "only-in-the-older.txt"), "x");
        File.Delete(Path.Combine(source, "only-in-the-older.txt"));
        await File.WriteAllTextAsync(Path.Combine(source, "newer.txt"), "only in the newer snapshot");
        var newer = await client.BackupAsync([source]);
        var policy = new RetentionPolicy { KeepLast = 1 };

        var plan = await client.ForgetAsync(policy, new ForgetOptions { Prune = true, DryRun = true });

        Assert.True(plan.IsDryRun);
        Assert.True(older.SnapshotId!.Value.Matches(Assert.Single(plan.Removed).Id));
        Assert.True(plan.Prune is { IsDryRun: true, RemainingBlobs: > 0 }, "the dry run reports what prune would do");
        Assert.Equal(2, (await client.GetSnapshotsAsync()).Count);

        var done = await client.ForgetAsync(policy, new ForgetOptions { Prune = true });

        Assert.True(done.IsComplete);
        Assert.True(done.Prune is { IsDryRun: false, RemainingBlobs: > 0 }, "the prune that ran is reported");
        Assert.True(newer.SnapshotId!.Value.Matches(Assert.Single(await client.GetSnapshotsAsync()).Id));
        Assert.True((await client.CheckAsync()).IsHealthy);
    }

    [Fact(Timeout = 120000)]
    public async Task SigintFromOutsideTheClient_ThrowsNamingTheSignal_AndLeavesNoLock()
    {
        // restic 0.19 exits 130 on SIGINT, older versions 1 (0.14: 130 too).
        var (client, _) = await _root.NewRepositoryAsync("sigint", files: 8);
        var big = _root.Combine("sigint", "big");
        SourceTree.WriteLargeFile(Path.Combine(big, "large.bin"), megabytes: 200);

        var backup = client.BackupAsync([big]);
        var pid = await ChildProcesses.WaitForChildAsync("restic", big, TimeSpan.FromSeconds(30));
        await WaitForLockAsync("sigint");

        // restic before 0.18 leaves its lock when interrupted within ~200 ms after creating it (see
        // docs/cancellation-and-locks.md); this test is about the signal, not that window.
        await Task.Delay(1000);
        System.Diagnostics.Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => backup);

        Assert.Contains("stopped by signal 2 (SIGINT), which this client did not send", ex.Message);
        Assert.Empty(await TestRestic.ListLocksAsync(_root.Combine("sigint", "repo"), _root.Combine("sigint", "cache")));
    }

    [Fact(Timeout = 120000)]
    public async Task ResticHost_NamesTheHostOfNewBackups_AndNeverFiltersQueries()
    {
        // restic 0.17+ filters snapshots by RESTIC_HOST (0.19: unless --host= is passed), 0.14 ignores it for backups.
        var (plain, source) = await _root.NewRepositoryAsync("host", files: 8);
        await plain.BackupAsync([source], new BackupOptions { HostName = "other-host" });
        var options = TestRestic.Options(_root.Combine("host", "repo"), _root.Combine("host", "cache"));
        options.EnvironmentVariables["RESTIC_HOST"] = "env-host";
        var client = new ResticClient(options);

        await client.BackupAsync([source]);

        var all = await client.GetSnapshotsAsync();
        Assert.Equal(["env-host", "other-host"], all.Select(s => s.HostName).Order());
        Assert.Equal("other-host", Assert.Single(await client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { HostNames = ["other-host"] } })).HostName);
        Assert.Equal(2, (await client.GetStatsAsync(new StatsOptions { IncludeDeduplicationRatio = false })).SnapshotsCount);
    }

    [Fact(Timeout = 180000)]
    public async Task Latest_WithoutGroupingPerHostAndPaths_WithGroupingPerGroup_OnEveryVersion()
    {
        // restic 0.19.0 dropped the default grouping of --latest (0.19.1 restored it); before 0.19,
        // --latest with --group-by kept the latest per host and paths inside each group.
        var (client, _) = await _root.NewRepositoryAsync("latest", files: 8);
        var newest = new Dictionary<string, SnapshotId>(StringComparer.Ordinal);
        var hour = 0;
        foreach (var folder in new[] { "a", "b" })
        {
            var path = _root.Combine("latest", folder);
            SourceTree.WriteSmallFiles(path, count: 2, seed: folder[0]);
            foreach (var host in new[] { "h1", "h2" })
            {
                for (var i = 0; i < 2; i++)
                {
                    var backup = await client.BackupAsync([path], new BackupOptions { HostName = host, Force = true, Time = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(hour++) });
                    newest[host] = backup.SnapshotId!.Value;
                }
            }
        }

        var latest = await client.GetSnapshotsAsync(new SnapshotsOptions { Latest = 1 });
        Assert.Equal(4, latest.Count);
        Assert.Equal(4, latest.Select(s => (s.HostName, s.Paths[0])).Distinct().Count());

        var groups = await client.GetSnapshotGroupsAsync(SnapshotGrouping.Host, new SnapshotsOptions { Latest = 1 });
        Assert.Equal(["h1", "h2"], groups.Select(g => g.HostName));
        foreach (var group in groups)
        {
            Assert.True(newest[group.HostName].Matches(Assert.Single(group.Snapshots).Id), $"the newest snapshot of {group.HostName}");
        }

        var all = await client.GetSnapshotGroupsAsync(SnapshotGrouping.Host | SnapshotGrouping.Paths);
        Assert.Equal(4, all.Count);
        Assert.All(all, g => Assert.Equal(2, g.Snapshots.Count));
    }

    [Fact(Timeout = 180000)]
    public async Task CheckOfSomeSnapshots_SkipsTheDamagedPacksOfOthers_OnRestic019()
    {
        var (client, _) = await _root.NewRepositoryAsync("check", files: 8);
        var a = _root.Combine("check", "a");
        var b = _root.Combine("check", "b");
        SourceTree.WriteLargeFile(Path.Combine(a, "a.bin"), megabytes: 1, seed: 11);
        SourceTree.WriteLargeFile(Path.Combine(b, "b.bin"), megabytes: 1, seed: 12);
        var first = await client.BackupAsync([a]);
        var repository = _root.Combine("check", "repo");
        var packsBefore = Packs(repository);
        await client.BackupAsync([b]);
        foreach (var pack in Packs(repository).Except(packsBefore))
        {
            Damage(pack);
        }

        var onlyFirst = new CheckOptions { ReadData = true, Snapshots = [first.SnapshotId!.Value] };
        if (await VersionAsync(client) < s_v019)
        {
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.CheckAsync(onlyFirst));
            return;
        }

        Assert.True((await client.CheckAsync(onlyFirst)).IsHealthy);
        Assert.True((await client.CheckAsync(new CheckOptions { ReadData = true, Filter = new SnapshotFilter { Paths = [a] } })).IsHealthy);
        var whole = await client.CheckAsync(new CheckOptions { ReadData = true });
        Assert.False(whole.IsHealthy);
        Assert.NotEmpty(whole.BrokenPacks!);
    }

    [Fact(Timeout = 120000)]
    public async Task RewriteWithIncludes_KeepsOnlyTheIncludedFile_OnRestic019()
    {
        var (client, source) = await _root.NewRepositoryAsync("include", files: 8);
        var keep = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        await client.BackupAsync([source]);
        var options = new RewriteOptions { Includes = [keep], Forget = true };
        if (await VersionAsync(client) < s_v019)
        {
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.RewriteAsync(SnapshotSelection.All, options));
            return;
        }

        var result = await client.RewriteAsync(SnapshotSelection.All, options);

        var snapshot = Assert.Single(await client.GetSnapshotsAsync());
        Assert.True(snapshot.Id.Matches(Assert.Single(result.Changes).NewId!.Value));
        var files = new List<string>();
        await foreach (var node in client.GetNodesAsync(snapshot.Id))
        {
            if (node.Type == NodeType.File)
            {
                files.Add(node.Path);
            }
        }

        Assert.Equal([keep], files);
    }

    [Fact(Timeout = 120000)]
    public async Task RestoreOwnershipByName_RestoresTheFiles_OnRestic019()
    {
        var (client, source) = await _root.NewRepositoryAsync("owner", files: 8);
        await client.BackupAsync([source]);
        var target = _root.Combine("owner", "restore");
        var options = new RestoreOptions { OwnershipByName = true };
        if (await VersionAsync(client) < s_v019)
        {
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.RestoreAsync(SnapshotReference.Latest, target, options));
            return;
        }

        await client.RestoreAsync(SnapshotReference.Latest, target, options);

        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(target, source));
    }

    [Theory(Timeout = 120000)]
    [InlineData("max")]
    [InlineData("fastest")]
    [InlineData("better")]
    public async Task CompressionLevels_BackUpAndRestore_OrAreRefusedBefore019(string level)
    {
        var folder = "compression-" + level;
        var source = _root.Combine(folder, "src");
        SourceTree.WriteSmallFiles(source, count: 10, seed: level.Length);
        var options = TestRestic.Options(_root.Combine(folder, "repo"), _root.Combine(folder, "cache"));
        options.Compression = new ResticCompression(level);
        var client = new ResticClient(options);
        if (new ResticCompression(level) != ResticCompression.Max && await VersionAsync(client) < s_v019)
        {
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.InitAsync());
            return;
        }

        await client.InitAsync();
        await client.BackupAsync([source]);
        var target = _root.Combine(folder, "restore");
        await client.RestoreAsync(SnapshotReference.Latest, target);

        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(target, source));
    }

    [Fact(Timeout = 120000)]
    public async Task ResticVariables_ValidValuesReachRestic_InvalidOnesAreRejectedBeforeItStarts()
    {
        // restic 0.19 fails on invalid values of these; older versions ignored some of them.
        var (_, source) = await _root.NewRepositoryAsync("variables", files: 8);
        var options = TestRestic.Options(_root.Combine("variables", "repo"), _root.Combine("variables", "cache"));
        options.EnvironmentVariables["RESTIC_COMPRESSION"] = "max";
        options.EnvironmentVariables["RESTIC_PACK_SIZE"] = "8";
        options.EnvironmentVariables["RESTIC_READ_CONCURRENCY"] = "1";
        var summary = await new ResticClient(options).BackupAsync([source]);
        Assert.True(summary.IsComplete);

        options.EnvironmentVariables["RESTIC_PACK_SIZE"] = "eight";
        var ex = Assert.Throws<ArgumentException>(() => new ResticClient(options));
        Assert.Contains("RESTIC_PACK_SIZE", ex.Message);
    }

    private static async Task<Version> VersionAsync(ResticClient client) => (await client.GetVersionAsync()).Version;

    private static string[] Packs(string repository) =>
        Directory.EnumerateFiles(Path.Combine(repository, "data"), "*", SearchOption.AllDirectories).ToArray();

    // Overwrites bytes inside the pack's first blob: its MAC no longer matches.
    private static void Damage(string pack)
    {
        File.SetAttributes(pack, FileAttributes.Normal);
        using var stream = new FileStream(pack, FileMode.Open, FileAccess.Write);
        stream.Position = 100;
        stream.Write("damaged!"u8);
    }

    private async Task WaitForLockAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Directory.EnumerateFiles(_root.Combine(name, "repo", "locks")).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "restic created no lock within 30 s");
            await Task.Delay(20);
        }
    }
}
