using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// A byte flipped in a key, the config, a snapshot, an index file or a pack gives a typed exception naming
/// the file, never wrong data; a pack or blob that a prune removed gives the retryable one, a pack that stays
/// missing while the index still names it the integrity error.
/// </summary>
public abstract class DamageTests<TRepository>(TRepository repository) : IClassFixture<TRepository>, IDisposable
    where TRepository : ConformanceRepository
{
    private readonly TempDirectory _folder = new("restic-net-damage-");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-3)]
    public async Task A_flipped_byte_in_a_key_file_names_the_file(long position)
    {
        var copy = Copy();
        var key = RepositoryDamage.FirstFile(copy, "keys");
        RepositoryDamage.FlipByte(key, position);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => OpenAsync(copy));
        Assert.Equal("keys/" + Path.GetFileName(key), error.FileName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-1)]
    public async Task A_flipped_byte_in_the_config_names_it(long position)
    {
        var copy = Copy();
        RepositoryDamage.FlipByte(Path.Combine(copy, "config"), position);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => OpenAsync(copy));
        Assert.Equal("config", error.FileName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(-1)]
    public async Task A_flipped_byte_in_a_snapshot_names_it(long position)
    {
        var copy = Copy();
        var snapshot = RepositoryDamage.FirstFile(copy, "snapshots");
        RepositoryDamage.FlipByte(snapshot, position);
        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => reader.GetSnapshotsAsync());
        Assert.Equal("snapshots/" + Path.GetFileName(snapshot), error.FileName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(-1)]
    public async Task A_snapshot_renamed_to_its_changed_content_fails_its_MAC(long position)
    {
        var copy = Copy();
        var snapshot = RepositoryDamage.FlipByteAndRename(RepositoryDamage.FirstFile(copy, "snapshots"), position);
        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => reader.GetSnapshotsAsync());
        Assert.Equal("snapshots/" + Path.GetFileName(snapshot), error.FileName);
        Assert.Contains("MAC", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(-1)]
    public async Task A_flipped_byte_in_an_index_file_names_it(long position)
    {
        var copy = Copy();
        var index = RepositoryDamage.FirstFile(copy, "index");
        RepositoryDamage.FlipByte(index, position);
        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () => await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
        Assert.Equal("index/" + Path.GetFileName(index), error.FileName);
        await AssertFindFailsAsync(copy, error.FileName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5000)]
    [InlineData(-1)]
    public async Task A_flipped_byte_in_a_data_blob_fails_the_read_of_its_file(long blobPosition)
    {
        var copy = Copy();
        var (pack, offset, length) = await RepositoryDamage.LargestBlobAsync(copy, _folder.Combine("cache"), "data");
        RepositoryDamage.FlipByte(pack, blobPosition < 0 ? offset + length + blobPosition : offset + blobPosition);
        await using var reader = await OpenAsync(copy);

        // The listing does not touch data blobs; reading the file that holds the blob does, and stops there.
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => ReadEveryFileAsync(reader));
        Assert.Equal($"data/{Path.GetFileName(pack)[..2]}/{Path.GetFileName(pack)}", error.FileName);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_tree_blob_fails_the_listing()
    {
        var copy = Copy();
        var (pack, offset, length) = await RepositoryDamage.LargestBlobAsync(copy, _folder.Combine("cache"), "tree");
        RepositoryDamage.FlipByte(pack, offset + (length / 2));
        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () => await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
        Assert.Equal($"data/{Path.GetFileName(pack)[..2]}/{Path.GetFileName(pack)}", error.FileName);
        await AssertFindFailsAsync(copy, error.FileName);
        await AssertHistoryFailsAsync(copy, error.FileName);
    }

    [Fact]
    public async Task A_Diff_over_a_flipped_byte_in_a_tree_blob_names_the_pack()
    {
        // Every tree of both snapshots is read: the changed ones for the changes, the shared ones for the totals.
        var copy = Copy();
        var (pack, offset, length) = await RepositoryDamage.LargestBlobAsync(copy, _folder.Combine("cache"), "tree");
        RepositoryDamage.FlipByte(pack, offset + (length / 2));
        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () =>
            await reader.StreamDiffAsync(repository.Snapshots[0].Id, repository.Snapshots[1].Id).ToDiffResultAsync());
        Assert.Equal($"data/{Path.GetFileName(pack)[..2]}/{Path.GetFileName(pack)}", error.FileName);
    }

    [Fact]
    public async Task A_Diff_of_a_snapshot_with_itself_reads_no_tree_below_the_root()
    {
        // The root holds one folder, shared by both sides: it is not walked, and no blob is left whose size needs it.
        var copy = Copy();
        var (pack, offset, length) = await RepositoryDamage.LargestBlobAsync(copy, _folder.Combine("cache"), "tree");
        RepositoryDamage.FlipByte(pack, offset + (length / 2));
        await using var reader = await OpenAsync(copy);
        var first = repository.Snapshots[0].Id;
        var result = await reader.StreamDiffAsync(first, first, new DiffOptions { IncludeMetadata = true }).ToDiffResultAsync();
        Assert.Empty(result.Changes);
        Assert.Equal(new DiffStatistics { SourceSnapshot = first, TargetSnapshot = first }, result.Statistics);
        await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () => await reader.GetNodesAsync(first).ToListAsync());
    }

    [Fact]
    public async Task A_pack_cut_short_is_an_integrity_error()
    {
        var copy = Copy();
        var (pack, offset, _) = await RepositoryDamage.LargestBlobAsync(copy, _folder.Combine("cache"), "data");
        using (var file = File.OpenWrite(pack))
        {
            file.SetLength(offset + 10);
        }

        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => ReadEveryFileAsync(reader));
        Assert.Contains(Path.GetFileName(pack), error.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pack_that_stays_missing_is_damage_on_every_retry_and_for_a_new_reader()
    {
        var copy = Copy();
        var (pack, _, _) = await RepositoryDamage.LargestBlobAsync(copy, _folder.Combine("cache"), "data");
        await using var reader = await OpenAsync(copy);
        Assert.NotEmpty(await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());

        // Gone, while the index files still name it (no prune rewrote them): damage, not a change to retry.
        File.Delete(pack);
        HandOver(copy);
        var packName = $"data/{Path.GetFileName(pack)[..2]}/{Path.GetFileName(pack)}";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => ReadEveryFileAsync(reader));
            Assert.Equal(packName, error.FileName);
            Assert.Contains("missing", error.Message, StringComparison.Ordinal);
            Assert.False(error.IsTransient);
        }

        await using var fresh = await OpenAsync(copy);
        Assert.Equal(packName, (await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => ReadEveryFileAsync(fresh))).FileName);
    }

    [Fact]
    public async Task A_blob_no_index_file_lists_is_damage()
    {
        var copy = Copy();
        foreach (var index in Directory.EnumerateFiles(Path.Combine(copy, "index")))
        {
            File.Delete(index);
        }

        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () => await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
        Assert.Contains("no index file lists the tree blob", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_whose_snapshot_forget_prune_removes_gets_the_retryable_error_on_every_read_then_not_found()
    {
        var copy = Copy();
        var cache = _folder.Combine("cache");

        // A snapshot of its own with a file of several blobs that no other snapshot holds.
        var source = _folder.Combine("own-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(source);
        SourceTree.WriteLargeFile(Path.Combine(source, "own.bin"), megabytes: 12, seed: 99);
        await TestRestic.RunAsync(copy, cache, "backup", "--tag", "own", source);
        HandOver(copy);
        await using var reader = await OpenAsync(copy);
        var own = await reader.GetSnapshotAsync(SnapshotReference.Latest, new SnapshotFilter { Tags = ["own"] });
        var path = (await reader.GetNodesAsync(own.Id).ToListAsync()).Single(node => node.Name == "own.bin").Path;
        await using var stream = await reader.OpenFileAsync(own.Id, path);
        var buffer = new byte[64 * 1024];
        await stream.ReadExactlyAsync(buffer); // the first blob read, the next ones loading ahead

        await TestRestic.RunAsync(copy, cache, "forget", "--prune", own.Id.Value);
        HandOver(copy);

        // The first read finds the pack gone, and the reloaded index no longer lists the blob; later reads find no
        // index file listing it. Each is the change, never damage: the index changed under the stream.
        stream.Position = stream.Length - 1000; // in the last blob, not among those loaded ahead
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Assert.ThrowsAsync<ResticRepositoryChangedException>(async () => await stream.ReadAtLeastAsync(buffer, 1));
        }

        // The retry the exception advises ends: the snapshot is gone.
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => reader.OpenFileAsync(own.Id, path));
        await ReadEveryFileAsync(reader, compareWithSource: true);
    }

    [Fact]
    public async Task A_real_prune_under_an_open_reader_gives_the_retryable_error_and_the_retry_reads_everything()
    {
        var copy = Copy();
        var cache = _folder.Combine("cache");
        await using var reader = await OpenAsync(copy);
        await ReadEveryFileAsync(reader);

        // The first snapshot's own data (hello.txt before it changed) shares a pack with the latest's: a prune
        // that leaves nothing unused rewrites that pack and deletes it, under the reader's loaded index.
        await TestRestic.RunAsync(copy, cache, "forget", repository.Snapshots[0].Id.Value);
        await TestRestic.RunAsync(copy, cache, "prune", "--max-unused", "0");
        HandOver(copy);
        var changed = await Assert.ThrowsAsync<ResticRepositoryChangedException>(() => ReadEveryFileAsync(reader));
        Assert.True(changed.IsTransient);

        // The retry loads the current index and reads every file as backed up; the forgotten snapshot is gone.
        await ReadEveryFileAsync(reader, compareWithSource: true);
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => reader.GetSnapshotAsync(repository.Snapshots[0].Id));
    }

    [Fact]
    public async Task A_wrong_password_and_a_missing_repository_are_typed()
    {
        Assert.False((await Assert.ThrowsAsync<ResticWrongPasswordException>(() => ResticRepositoryReader.OpenAsync(repository.Location, ResticPassword.FromValue("not the password")))).IsTransient);
        await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(new LocalRepository(_folder.Combine("none")), repository.Password));
        await Assert.ThrowsAsync<NotSupportedException>(() => ResticRepositoryReader.OpenAsync(repository.Location, ResticPassword.FromCommand("echo secret")));
        await Assert.ThrowsAsync<ResticCommandException>(() => ResticRepositoryReader.OpenAsync(repository.Location, ResticPassword.FromFile(_folder.Combine("no-password-file"))));

        // A password file's surrounding white space is trimmed, as restic trims it.
        var passwordFile = _folder.Combine("password");
        await File.WriteAllTextAsync(passwordFile, TestRestic.Password + "\n");
        await using var reader = await ResticRepositoryReader.OpenAsync(repository.Location, ResticPassword.FromFile(passwordFile));
        Assert.Equal(repository.FormatVersion, reader.Config.Version);
        await Assert.ThrowsAsync<NotSupportedException>(() => ResticRepositoryReader.OpenAsync(ResticRepository.Parse("s3:http://127.0.0.1:1/bucket"), repository.Password));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Where the copies go: a folder of the test's own, or one the backend under test serves.</summary>
    protected virtual string CopyFolder => _folder.Path;

    /// <summary>The repository at a copy's folder, as the backend under test reaches it.</summary>
    protected virtual ResticRepository LocationOf(string copy) => new LocalRepository(copy);

    /// <summary>Makes what the test or restic wrote into a copy readable by the backend's server.</summary>
    protected virtual void HandOver(string copy)
    {
    }

    private string Copy()
    {
        var copy = repository.CopyTo(Path.Combine(CopyFolder, "copy-" + Guid.NewGuid().ToString("N")[..8]));
        HandOver(copy);
        return copy;
    }

    private Task<ResticRepositoryReader> OpenAsync(string copy) =>
        ResticRepositoryReader.OpenAsync(LocationOf(copy), repository.Password);

    /// <summary>Reads every file of the latest snapshot (the source as it is now), optionally comparing the bytes.</summary>
    // A find walks the same trees as a listing: a fresh reader's find stops with the same typed error, naming the same file.
    private async Task AssertFindFailsAsync(string copy, string? fileName)
    {
        await using var reader = await OpenAsync(copy);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(async () => await reader.FindAsync(["*"]).ToResultsAsync());
        Assert.Equal(fileName, error.FileName);
    }

    // A file history walks the trees on the way to its path: the histories through the damaged tree stop with the same
    // typed error, naming the same file; the others are answered.
    private async Task AssertHistoryFailsAsync(string copy, string? fileName)
    {
        await using var intact = await OpenAsync(repository.Repository);
        var paths = (await intact.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Select(node => node.Path).ToArray();
        await using var reader = await OpenAsync(copy);
        var failed = 0;
        foreach (var path in paths)
        {
            try
            {
                Assert.NotEmpty(await reader.GetFileHistoryAsync(path).ToVersionsAsync());
            }
            catch (ResticRepositoryIntegrityException error)
            {
                Assert.Equal(fileName, error.FileName);
                failed++;
            }
        }

        Assert.InRange(failed, 1, paths.Length);
    }

    private async Task ReadEveryFileAsync(ResticRepositoryReader reader, bool compareWithSource = false)
    {
        foreach (var file in (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Where(node => node.Type == NodeType.File))
        {
            await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, file.Path);
            var bytes = await Bytes.ReadAllAsync(stream);
            if (compareWithSource)
            {
                Bytes.AssertEqual(await File.ReadAllBytesAsync(file.Path), bytes, file.Path);
            }
        }
    }
}

public sealed class FormatVersion1DamageTests(FormatVersion1Repository repository) : DamageTests<FormatVersion1Repository>(repository);

public sealed class FormatVersion2DamageTests(FormatVersion2Repository repository) : DamageTests<FormatVersion2Repository>(repository);
