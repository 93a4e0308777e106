using System.Diagnostics;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>The full life cycle on any backend, and the bounded failure check, shared by the backend tests.</summary>
internal static class BackendLifecycle
{
    /// <summary>Time a failing command may take: restic 0.18 retries unreachable backends for minutes, so the no-progress watchdog ends it.</summary>
    public static readonly TimeSpan FailureBound = TimeSpan.FromSeconds(45);

    public static ResticClientOptions Options(ResticRepository repository, TempDirectory root)
    {
        var options = TestRestic.Options(root.Path, root.Combine("cache"));
        options.Repository = repository;
        options.NoProgressTimeout = TimeSpan.FromSeconds(20);
        return options;
    }

    /// <summary>init, backup, snapshots, restore (byte comparison), check --read-data, second backup, forget --prune.</summary>
    public static async Task RunAsync(ResticRepository repository)
    {
        using var root = new TempDirectory();
        var source = root.Combine("src");
        SourceTree.WriteSmallFiles(source, count: 60);
        var client = new ResticClient(Options(repository, root));

        var info = await client.InitAsync();
        Assert.Equal(2, info.Version);
        var first = await client.BackupAsync([source], new BackupOptions { Tags = ["first"] });
        Assert.NotNull(first.SnapshotId);
        var snapshots = await client.GetSnapshotsAsync();
        Assert.Single(snapshots);

        var target = root.Combine("restore");
        await client.RestoreAsync(snapshots[0].Id, target);
        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(target, source));

        var check = await client.CheckAsync(new CheckOptions { ReadData = true });
        Assert.True(check.IsHealthy, string.Join('\n', check.Errors));

        File.WriteAllText(Path.Combine(source, "changed.txt"), "second state");
        await client.BackupAsync([source], new BackupOptions { Tags = ["second"] });
        await client.ForgetAsync(new RetentionPolicy { KeepLast = 1 }, new ForgetOptions { Prune = true });
        var remaining = Assert.Single(await client.GetSnapshotsAsync());
        Assert.Contains("second", remaining.Tags);
        Assert.True((await client.CheckAsync()).IsHealthy);
    }

    /// <summary>
    /// For a refusal restic 0.18 retries (a rejected S3 key, an untrusted or refused certificate): on 0.18 the client
    /// stopped restic at its first retry notice (no exit code); restic 0.14 gave up by itself (exit code 1).
    /// </summary>
    public static async Task AssertEndedAsRestic018RetriesAsync(ResticException ex)
    {
        var version = await ResticVersionAsync();
        if (version >= new Version(0, 18))
        {
            Assert.Null(ex.ExitCode);
            Assert.Contains("was stopped instead of retrying", ex.Message, StringComparison.Ordinal);
            Assert.Contains("returned error, retrying after", ex.ResticMessage, StringComparison.Ordinal);
        }
        else if (version < new Version(0, 15))
        {
            Assert.Equal(1, ex.ExitCode);
            Assert.StartsWith("Fatal:", ex.ResticMessage, StringComparison.Ordinal);
        }
    }

    /// <summary>The version of the restic binary under test.</summary>
    public static async Task<Version> ResticVersionAsync()
    {
        using var root = new TempDirectory();
        return (await new ResticClient(TestRestic.Options(root.Path, root.Combine("cache"))).GetVersionAsync()).Version;
    }

    /// <summary>Runs <c>snapshots</c> and asserts a typed error within <see cref="FailureBound"/> whose text holds no secret.</summary>
    /// <summary>
    /// With default options (no watchdog), a backend nothing listens on gives <see cref="ResticBackendUnreachableException"/>
    /// within seconds on every version: restic 0.14 fails at once, later versions would retry for 15 minutes.
    /// </summary>
    public static async Task<ResticBackendUnreachableException> AssertUnreachableAsync(ResticRepository repository, params string[] secrets)
    {
        using var root = new TempDirectory();
        var client = new ResticClient(Options(repository, root));
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ResticBackendUnreachableException>(() => client.GetSnapshotsAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}: {ex.Message}");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }

        return ex;
    }

    public static async Task<ResticException> AssertFailsWithinBoundAsync(ResticRepository repository, params string[] secrets)
    {
        using var root = new TempDirectory();
        var options = Options(repository, root);
        options.NoProgressTimeout = TimeSpan.FromSeconds(8);
        var client = new ResticClient(options);
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());
        Assert.True(watch.Elapsed < FailureBound, $"took {watch.Elapsed}: {ex.Message}");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }

        return ex;
    }
}
