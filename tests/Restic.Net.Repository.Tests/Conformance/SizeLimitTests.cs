using System.Text;
using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// What a repository's owner (who holds the key, so everything they write authenticates) can make the reader
/// allocate is bounded: a snapshot or index file that inflates without end (a decompression bomb) is refused once it
/// passes <see cref="ResticRepositoryReaderOptions.MaxSnapshotFileSize"/> or <see cref="ResticRepositoryReaderOptions.MaxIndexFileSize"/>,
/// a stored file larger than that is not read, and a tree blob larger than <see cref="ResticRepositoryReaderOptions.MaxTreeSize"/> is not loaded.
/// </summary>
[Collection(nameof(Support.MemoryMeasured))]
public abstract class SizeLimitTests<TRepository>(TRepository repository) : IClassFixture<TRepository>, IDisposable
    where TRepository : ConformanceRepository
{
    private const int MiB = 1 << 20;

    private readonly TempDirectory _folder = new("restic-net-sizes-");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_snapshot_that_inflates_to_200_MB_is_refused_at_the_limit_and_costs_about_the_limit(bool declareSize)
    {
        var copy = Copy();
        var bomb = RepositoryWriter.Compressed(SnapshotJson(200_000_000), declareSize);
        Assert.True(bomb.Length < 64 * 1024, $"the bomb is {bomb.Length} bytes");
        var name = RepositoryWriter.Open(copy).Write("snapshots", bomb);
        await using var reader = await OpenAsync(copy);

        // The default limit (64 MiB): refused, having cost a fraction of the 450 MiB it took before.
        var (error, allocated) = await MeasureAsync(() => reader.GetSnapshotsAsync());
        Assert.Equal("snapshots/" + name, error.FileName);
        Assert.Contains("MaxSnapshotFileSize", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 160L * MiB, $"{allocated / MiB} MiB allocated");

        // A lower limit lowers the cost with it.
        await using var strict = await OpenAsync(copy, new ResticRepositoryReaderOptions { MaxSnapshotFileSize = MiB });
        var (_, strictAllocated) = await MeasureAsync(() => strict.GetSnapshotsAsync());
        Assert.True(strictAllocated < 16L * MiB, $"{strictAllocated / MiB} MiB allocated");
    }

    [Fact]
    public async Task A_compressed_snapshot_within_the_limit_is_read()
    {
        // The writer's own check: what it seals, the reader opens; a 2 MiB snapshot is read under the default limit.
        var copy = Copy();
        var name = RepositoryWriter.Open(copy).Write("snapshots", RepositoryWriter.Compressed(SnapshotJson(2 * MiB), declareSize: false));
        await using var reader = await OpenAsync(copy);
        var snapshots = await reader.GetSnapshotsAsync();
        Assert.Equal(3, snapshots.Count);
        Assert.Equal(2 * MiB, snapshots.Single(snapshot => snapshot.Id.Value == name).Paths.Single().Length);

        await using var strict = await OpenAsync(copy, new ResticRepositoryReaderOptions { MaxSnapshotFileSize = MiB });
        Assert.Contains("MaxSnapshotFileSize", (await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => strict.GetSnapshotsAsync())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_file_that_inflates_past_the_limit_is_refused()
    {
        var copy = Copy();
        var json = Encoding.UTF8.GetBytes("{\"packs\":[],\"padding\":\"" + new string('a', 3 * MiB) + "\"}");
        var name = RepositoryWriter.Open(copy).Write("index", RepositoryWriter.Compressed(json, declareSize: false));
        await using var reader = await OpenAsync(copy, new ResticRepositoryReaderOptions { MaxIndexFileSize = MiB });
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () => await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
        Assert.Equal("index/" + name, error.FileName);
        Assert.Contains("MaxIndexFileSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_snapshot_larger_than_the_limit_is_not_read()
    {
        var copy = Copy();
        var name = RepositoryWriter.Open(copy).Write("snapshots", SnapshotJson(3 * MiB));
        await using var reader = await OpenAsync(copy, new ResticRepositoryReaderOptions { MaxSnapshotFileSize = MiB });
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => reader.GetSnapshotsAsync());
        Assert.Equal("snapshots/" + name, error.FileName);
        Assert.Contains("MaxSnapshotFileSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tree_larger_than_the_limit_is_not_loaded()
    {
        // The folder "shared" holds 150 files: its tree is some 40 KB.
        await using var reader = await OpenAsync(repository.Repository, new ResticRepositoryReaderOptions { MaxTreeSize = 16 * 1024 });
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () => await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
        Assert.Contains("MaxTreeSize", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("data/", error.FileName, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    // A snapshot document whose only path is a long run of one letter: compresses to almost nothing.
    private static byte[] SnapshotJson(int pathLength)
    {
        var json = new StringBuilder("{\"time\":\"2026-01-01T00:00:00Z\",\"tree\":\"")
            .Append('0', 64).Append("\",\"paths\":[\"/").Append('a', pathLength - 1).Append("\"],\"hostname\":\"h\",\"username\":\"u\"}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static async Task<(ResticRepositoryIntegrityException Error, long Allocated)> MeasureAsync(Func<Task> read)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(read);
        return (error, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private string Copy() => repository.CopyTo(_folder.Combine("copy-" + Guid.NewGuid().ToString("N")[..8]));

    private static Task<ResticRepositoryReader> OpenAsync(string repository, ResticRepositoryReaderOptions? options = null) =>
        ResticRepositoryReader.OpenAsync(new LocalRepository(repository), ResticPassword.FromValue(TestRestic.Password), options);
}

public sealed class FormatVersion1SizeLimitTests(FormatVersion1Repository repository) : SizeLimitTests<FormatVersion1Repository>(repository);

public sealed class FormatVersion2SizeLimitTests(FormatVersion2Repository repository) : SizeLimitTests<FormatVersion2Repository>(repository);
