using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Input the operating system limits (argv) against the real restic: too long fails clearly, many paths just work.</summary>
public sealed class CommandLineLimitTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 180000)]
    public async Task TwentyThousandPaths_AreBackedUpThroughAFile_AndAnOddNameIsReadExactly()
    {
        // 20,000 paths of ~100 bytes: 2 MB, past what Linux allows for a whole command line.
        var (client, _) = await _root.NewRepositoryAsync("many", files: 1);
        var source = _root.Combine("many", "files", new string('d', 40));
        Directory.CreateDirectory(source);
        var paths = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var path = Path.Combine(source, $"file-with-a-fairly-long-name-{i:D6}.txt");
            await File.WriteAllTextAsync(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            paths.Add(path);
        }

        var odd = Path.Combine(source, "line\nbreak and -dash");
        await File.WriteAllTextAsync(odd, "odd");
        paths.Add(odd);

        var summary = await client.BackupAsync(paths);

        Assert.True(summary.IsComplete);
        Assert.Equal(20_001L, summary.FilesNew);
        using var dumped = new MemoryStream();
        await client.DumpAsync(summary.SnapshotId!.Value, odd, dumped);
        Assert.Equal("odd"u8.ToArray(), dumped.ToArray());
    }

    [Fact(Timeout = 60000)]
    public async Task AOneMebibyteTag_ThrowsArgumentException_NotBinaryNotFound()
    {
        var (client, source) = await _root.NewRepositoryAsync("tag", files: 1);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.BackupAsync([source], new BackupOptions { Tags = [new string('t', 1024 * 1024)] }));

        Assert.Contains("--tag is", ex.Message);
        Assert.Empty(await client.GetSnapshotsAsync());
    }
}
