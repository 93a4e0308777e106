using System.Formats.Tar;
using System.IO.Compression;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>dump against the real restic: files and archives must be byte-identical to the source.</summary>
public sealed class DumpTests(DumpTests.Repository repository) : IClassFixture<DumpTests.Repository>
{
    private readonly ResticClient _client = repository.Client;
    private readonly string _source = repository.Source;
    private readonly SnapshotId _snapshot = repository.Snapshot;
    private readonly string _large = repository.Large;

    [Fact(Timeout = 60000)]
    public async Task DumpAsync_File_IsByteIdenticalToTheSource()
    {
        using var destination = new MemoryStream();

        await _client.DumpAsync(_snapshot, _large, destination);

        var expected = await File.ReadAllBytesAsync(_large);
        Assert.True(destination.ToArray().AsSpan().SequenceEqual(expected), "the dumped file differs from the source");
    }

    [Fact(Timeout = 60000)]
    public async Task OpenDumpAsync_File_ReadsByteIdenticalToTheSource()
    {
        await using var stream = await _client.OpenDumpAsync(_snapshot, _large);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, 7919); // an odd buffer size, to read across chunk boundaries

        var expected = await File.ReadAllBytesAsync(_large);
        Assert.True(copy.ToArray().AsSpan().SequenceEqual(expected), "the dumped file differs from the source");
    }

    [Fact(Timeout = 60000)]
    public async Task DumpAsync_FolderAsTar_HoldsEveryFileWithItsBytes()
    {
        var folder = Path.Combine(_source, "folder");
        using var tar = new MemoryStream();

        await _client.DumpAsync(_snapshot, folder, tar, new DumpOptions { Archive = DumpArchiveFormat.Tar });

        tar.Position = 0;
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                using var data = new MemoryStream();
                entry.DataStream!.CopyTo(data);
                entries.Add("/" + entry.Name, data.ToArray());
            }
        }

        AssertSameFiles(folder, entries);
    }

    [Fact(Timeout = 60000)]
    public async Task DumpAsync_FolderAsZip_HoldsEveryFileWithItsBytes()
    {
        var folder = Path.Combine(_source, "folder");
        using var zip = new MemoryStream();

        await _client.DumpAsync(_snapshot, folder, zip, new DumpOptions { Archive = DumpArchiveFormat.Zip });

        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var data = new MemoryStream();
            using (var entryStream = entry.Open())
            {
                entryStream.CopyTo(data);
            }

            entries.Add("/" + entry.FullName, data.ToArray());
        }

        AssertSameFiles(folder, entries);
    }

    [Fact(Timeout = 60000)]
    public async Task DumpAsync_MissingPath_ThrowsTheTypedException()
    {
        var ex = await Assert.ThrowsAsync<ResticPathNotFoundException>(() => _client.DumpAsync(_snapshot, Path.Combine(_source, "missing"), new MemoryStream()));

        Assert.Contains("not found", ex.Message);
        Assert.Equal(Path.Combine(_source, "missing"), ex.Path);
    }

    [Fact(Timeout = 60000)]
    public async Task OpenDumpAsync_DisposedAfterTheFirstBytes_StopsResticWithoutLeavingALock()
    {
        await using (var stream = await _client.OpenDumpAsync(_snapshot, _large))
        {
            Assert.True(await stream.ReadAsync(new byte[1024]) > 0);
        }

        Assert.Empty(await _client.GetLocksAsync());
    }

    private static void AssertSameFiles(string folder, Dictionary<string, byte[]> entries)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToArray();
        Assert.Equal(files.Length, entries.Count);
        foreach (var file in files)
        {
            Assert.True(entries.TryGetValue(file, out var bytes), $"{file} is missing from the archive");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{file} differs");
        }
    }

    /// <summary>One repository for all tests of the class: a folder of small files and a 12 MiB file, backed up once.</summary>
    public sealed class Repository : IAsyncLifetime
    {
        private readonly TempDirectory _root = new();

        public ResticClient Client { get; private set; } = null!;

        public string Source => _root.Combine("src");

        public string Large => Path.Combine(Source, "large.bin");

        public SnapshotId Snapshot { get; private set; }

        public async Task InitializeAsync()
        {
            SourceTree.WriteSmallFiles(Path.Combine(Source, "folder"), count: 30, seed: 21);
            SourceTree.WriteLargeFile(Large, megabytes: 12, seed: 5);
            await TestRestic.InitializeAsync(_root.Combine("repo"));
            Client = new ResticClient(TestRestic.Options(_root.Combine("repo"), _root.Combine("cache")));
            Snapshot = (await Client.BackupAsync([Source])).SnapshotId!.Value;
        }

        public Task DisposeAsync()
        {
            _root.Dispose();
            return Task.CompletedTask;
        }
    }
}
