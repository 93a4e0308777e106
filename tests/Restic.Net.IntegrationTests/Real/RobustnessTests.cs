using System.Diagnostics;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Concurrency, a full disk and hostile file names against the real restic.</summary>
public sealed class RobustnessTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private ResticClient _client = null!;

    private string Repository => _root.Combine("repo");

    public async Task InitializeAsync()
    {
        await TestRestic.InitializeAsync(Repository);
        _client = new ResticClient(WaitingOptions());
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 300000)]
    public async Task EightConcurrentBackupsAndAForgetWithPrune_AllSucceed_AndEverySnapshotRestoresIdentically()
    {
        var sources = Enumerable.Range(0, 8).Select(i => _root.Combine("src" + i)).ToArray();
        for (var i = 0; i < sources.Length; i++)
        {
            SourceTree.WriteSmallFiles(sources[i], count: 20, seed: 100 + i);
        }

        // restic races on a new cache folder: one process creates its "version" file while another reads it empty
        // and fails ("strconv.ParseUint: parsing \"\": invalid syntax", restic's cache.go). The concurrency under test is
        // the repository's, so the cache exists first, as docs/cancellation-and-locks.md advises.
        await _client.GetSnapshotsAsync();

        // Separate clients, as separate services of one process would have.
        var clients = sources.Select(_ => new ResticClient(WaitingOptions())).ToArray();
        var backups = sources.Select((s, i) => clients[i].BackupAsync([s])).ToList();
        var forget = _client.ForgetAsync(new RetentionPolicy { KeepLast = 1 }, new ForgetOptions { Prune = true });

        var summaries = await Task.WhenAll(backups);
        await forget;

        Assert.All(summaries, s => Assert.True(s.IsComplete));
        var snapshots = await _client.GetSnapshotsAsync();
        Assert.Equal(8, snapshots.Count);
        Assert.True((await _client.CheckAsync()).IsHealthy);
        for (var i = 0; i < sources.Length; i++)
        {
            var snapshot = Assert.Single(snapshots, s => s.Paths.SequenceEqual([sources[i]]));
            var target = _root.Combine("restore" + i);
            await _client.RestoreAsync(snapshot.Id, target);
            SourceTree.AssertSameFiles(sources[i], SourceTree.RestoredPath(target, sources[i]));
        }
    }

    [Fact(Timeout = 120000)]
    public async Task RestoreAsync_TargetDiskFull_ReturnsAnIncompleteSummaryNamingThePartialFiles()
    {
        var source = _root.Combine("full-src");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 6, seed: 21);
        File.WriteAllText(Path.Combine(source, "small.txt"), "small");
        await _client.BackupAsync([source]);
        var target = Directory.CreateDirectory(_root.Combine("full-target")).FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", target);
        try
        {
            var summary = await _client.RestoreAsync(SnapshotReference.Latest, target);

            Assert.False(summary.IsComplete);
            Assert.Contains(summary.Errors, e => e.Item.EndsWith("big.bin", StringComparison.Ordinal) && e.Message!.Contains("no space left on device", StringComparison.Ordinal));
            // What restic did not name was restored (0.18 may also fail the small file once the disk is full, and names it).
            var small = Path.Combine(SourceTree.RestoredPath(target, source), "small.txt");
            Assert.True(
                summary.Errors.Any(e => e.Item.EndsWith("small.txt", StringComparison.Ordinal)) || File.ReadAllText(small) == "small",
                $"small.txt: '{(File.Exists(small) ? File.ReadAllText(small) : "(missing)")}', errors: {string.Join(" | ", summary.Errors.Select(e => e.Item + ": " + e.Message))}");
            Assert.Empty(await TestRestic.ListLocksAsync(Repository, _root.Combine("cache")));
        }
        finally
        {
            Run("umount", target);
        }
    }

    [Fact(Timeout = 120000)]
    public async Task OddFileNames_BackUpAndRestoreByteIdentical_IncludingInvalidUtf8()
    {
        var source = _root.Combine("names");
        Directory.CreateDirectory(source);
        string[] names = ["ünïcödé ✓ 日本.txt", "with space.txt", "quote\"'s.txt", "new\nline.txt", "-leading-dash.txt", "--target=x", "tab\there.txt", "emoji 🎉.bin"];
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(source, name), "content of " + name);
        }

        // A name that is not valid UTF-8 (0xFF); .NET cannot spell it, the shell can.
        Run("sh", "-c", $"printf 'latin-1 bytes' > \"$(printf '{source}/caf\\351-\\377.txt')\"");

        var summary = await _client.BackupAsync([source]);
        Assert.Equal((long)names.Length + 1, summary.FilesNew);
        var target = _root.Combine("names-restore");
        await _client.RestoreAsync(SnapshotReference.Latest, target);

        // diff compares names as bytes; .NET would see U+FFFD for the invalid one.
        Run("diff", "-r", source, SourceTree.RestoredPath(target, source));

        // The listing parser (its fast path and its escaped-JSON path) gives every name back exactly.
        var listed = new List<SnapshotNode>();
        await foreach (var node in _client.GetNodesAsync(SnapshotReference.Latest, new ListOptions { Paths = [source] }))
        {
            listed.Add(node);
        }

        var files = listed.Where(n => n.Type == NodeType.File).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), files.Select(n => n.Name).Where(n => !n.StartsWith("caf", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(files, n => Assert.Equal(source + "/" + n.Name, n.Path));
        Assert.Contains(files, n => n.Name.StartsWith("caf", StringComparison.Ordinal) && n.Name.Contains('\uFFFD', StringComparison.Ordinal));
    }

    private ResticClientOptions WaitingOptions()
    {
        var options = TestRestic.Options(Repository, _root.Combine("cache"));
        options.LockWaitTimeout = TimeSpan.FromMinutes(2);
        return options;
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed with {process.ExitCode}: {output}");
    }
}
