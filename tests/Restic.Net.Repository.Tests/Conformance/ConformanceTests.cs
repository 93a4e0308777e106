using System.Formats.Tar;
using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The native reader against the restic CLI on the same repository, written by the restic under test:
/// config, snapshots, the listing of every folder and the bytes of every file must be equal.
/// </summary>
public abstract class ConformanceTests<TRepository>(TRepository repository) : IClassFixture<TRepository>
    where TRepository : ConformanceRepository
{
    // restic prints inodes from 0.16.1 on; the reader always reports them.
    private static readonly Version InodeVersion = new(0, 16, 1);

    [Fact]
    public async Task Config_equals_the_CLIs()
    {
        await using var reader = await OpenAsync();
        var cli = await repository.Client.GetConfigAsync();
        Assert.Equal(cli, reader.Config);
        Assert.Equal(repository.FormatVersion, reader.Config.Version);
        Assert.Equal(cli, await reader.GetConfigAsync());
    }

    [Fact]
    public async Task Snapshots_equal_the_CLIs_field_by_field()
    {
        await using var reader = await OpenAsync();
        var native = await reader.GetSnapshotsAsync();
        Assert.Equal(2, native.Count);
        Assert.Equal(repository.Snapshots, native);

        // Filters and --latest select as restic does.
        var tagged = new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["second"] } };
        Assert.Equal(await repository.Client.GetSnapshotsAsync(tagged), await reader.GetSnapshotsAsync(tagged));
        var latest = new SnapshotsOptions { Latest = 1 };
        Assert.Equal(await repository.Client.GetSnapshotsAsync(latest), await reader.GetSnapshotsAsync(latest));
        var otherHost = new SnapshotsOptions { Filter = new SnapshotFilter { HostNames = ["no-such-host"] } };
        Assert.Empty(await reader.GetSnapshotsAsync(otherHost));
    }

    [Fact]
    public async Task An_empty_tag_selects_the_untagged_snapshots_as_restic_tag_empty_does()
    {
        await using var reader = await OpenAsync();

        // The first snapshot has no tags, the second the tag "second".
        var untagged = new SnapshotsOptions { Filter = new SnapshotFilter { Tags = [""] } };
        var cli = await repository.Client.GetSnapshotsAsync(untagged);
        Assert.Equal([repository.Snapshots[0]], cli);
        Assert.Equal(cli, await reader.GetSnapshotsAsync(untagged));
        var either = new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["", "second"] } };
        Assert.Equal(repository.Snapshots, await repository.Client.GetSnapshotsAsync(either));
        Assert.Equal(repository.Snapshots, await reader.GetSnapshotsAsync(either));

        // latest among the untagged ones, for a listing, on both paths.
        var listing = new ListOptions { Filter = new SnapshotFilter { Tags = [""] } };
        var cliNodes = await repository.Client.GetNodesAsync(SnapshotReference.Latest, listing).ToListAsync();
        var nativeNodes = await reader.GetNodesAsync(SnapshotReference.Latest, listing).ToListAsync();
        Assert.Equal(cliNodes.Select(node => node.Path), nativeNodes.Select(node => node.Path));
        Assert.DoesNotContain(nativeNodes, node => node.Name == "added.txt"); // added in the tagged snapshot
        Assert.Equal(repository.Snapshots[0], await reader.GetSnapshotAsync(SnapshotReference.Latest, listing.Filter));

        // An empty tag inside a set is refused by the reader as by the client.
        var broken = new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["second,"] } };
        await Assert.ThrowsAsync<ArgumentException>(() => reader.GetSnapshotsAsync(broken));
        await Assert.ThrowsAsync<ArgumentException>(() => repository.Client.GetSnapshotsAsync(broken));
    }

    [Fact]
    public async Task The_whole_listing_equals_restic_ls_of_each_snapshot()
    {
        await using var reader = await OpenAsync();
        foreach (var snapshot in repository.Snapshots)
        {
            var cli = await repository.Client.GetNodesAsync(snapshot.Id).ToListAsync();
            var native = await reader.GetNodesAsync(snapshot.Id).ToListAsync();
            AssertSameNodes(cli, native);
        }
    }

    [Fact]
    public async Task Every_folder_lists_as_restic_ls_lists_it()
    {
        await using var reader = await OpenAsync();
        var snapshot = repository.Snapshots[^1].Id;
        var all = await reader.GetNodesAsync(snapshot).ToListAsync();
        var folders = all.Where(node => node.Type == NodeType.Directory).Select(node => node.Path).Prepend("/").ToArray();
        Assert.Contains(folders, folder => folder.EndsWith("/emptydir", StringComparison.Ordinal));
        foreach (var folder in folders)
        {
            var options = new ListOptions { Paths = [folder] };
            AssertSameNodes(await repository.Client.GetNodesAsync(snapshot, options).ToListAsync(), await reader.GetNodesAsync(snapshot, options).ToListAsync());
        }

        // Recursive below one folder, and two folders at once.
        var nested = folders.Single(folder => folder.EndsWith("/nested", StringComparison.Ordinal));
        var shared = folders.Single(folder => folder.EndsWith("/shared", StringComparison.Ordinal));
        var recursive = new ListOptions { Paths = [nested], Recursive = true };
        AssertSameNodes(await repository.Client.GetNodesAsync(snapshot, recursive).ToListAsync(), await reader.GetNodesAsync(snapshot, recursive).ToListAsync());
        var two = new ListOptions { Paths = [shared, nested] };
        AssertSameNodes(await repository.Client.GetNodesAsync(snapshot, two).ToListAsync(), await reader.GetNodesAsync(snapshot, two).ToListAsync());
    }

    [Fact]
    public async Task A_subfolder_reference_lists_as_restic_does()
    {
        await using var reader = await OpenAsync();
        var nested = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "nested").Path;
        var reference = SnapshotReference.Latest.WithSubfolder(nested);
        var native = await reader.GetNodesAsync(reference).ToListAsync();
        Assert.Contains(native, node => node.Path == "/a/b/c/deep.txt");
        if (repository.Version.Capabilities.SubfolderSyntax)
        {
            AssertSameNodes(await repository.Client.GetNodesAsync(reference).ToListAsync(), native);
        }

        await Assert.ThrowsAsync<ResticPathNotFoundException>(async () => await reader.GetNodesAsync(SnapshotReference.Latest.WithSubfolder("/no/such/folder")).ToListAsync());
    }

    [Fact]
    public async Task Every_file_reads_as_restic_dump_writes_it()
    {
        await using var reader = await OpenAsync();
        foreach (var snapshot in repository.Snapshots)
        {
            // One restic dump of the whole snapshot as a tar holds every file's bytes as restic writes them.
            using var tar = new MemoryStream();
            await repository.Client.DumpAsync(snapshot.Id, "/", tar);
            tar.Position = 0;
            var dumped = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            using (var entries = new TarReader(tar))
            {
                while (await entries.GetNextEntryAsync(copyData: true) is { } entry)
                {
                    if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    {
                        dumped["/" + entry.Name.TrimStart('/')] = entry.DataStream is null ? [] : await Bytes.ReadAllAsync(entry.DataStream);
                    }
                }
            }

            var files = (await reader.GetNodesAsync(snapshot.Id).ToListAsync()).Where(node => node.Type == NodeType.File).ToArray();
            Assert.True(files.Length > 150);
            Assert.Equal(dumped.Keys.Order(StringComparer.Ordinal), files.Select(file => file.Path).Order(StringComparer.Ordinal));
            foreach (var file in files)
            {
                await using var stream = await reader.OpenFileAsync(snapshot.Id, file.Path);
                var native = await Bytes.ReadAllAsync(stream);
                Assert.Equal(file.Size, native.Length);
                Assert.Equal(native.Length, stream.Length);
                Bytes.AssertEqual(dumped[file.Path], native, $"{file.Path} of {snapshot.Id.ToShortString()} against restic dump");
            }

            // A single file's dump is the same bytes (restic writes it plain, not as an archive).
            var big = files.Single(file => file.Name == "big.bin");
            using var plain = new MemoryStream();
            await repository.Client.DumpAsync(snapshot.Id, big.Path, plain);
            Bytes.AssertEqual(plain.ToArray(), dumped[big.Path], "big.bin dumped alone");
        }

        // And the latest snapshot's files are the source's bytes.
        var latest = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "big.bin");
        await using var bigStream = await reader.OpenFileAsync(SnapshotReference.Latest, latest.Path);
        Bytes.AssertEqual(await File.ReadAllBytesAsync(Path.Combine(repository.Source, "big.bin")), await Bytes.ReadAllAsync(bigStream), "big.bin");
    }

    [Fact]
    public async Task The_reader_writes_nothing_and_takes_no_lock()
    {
        var before = await repository.StoredFilesAsync();
        await using (var reader = await OpenAsync())
        {
            await reader.GetSnapshotsAsync();
            foreach (var node in await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync())
            {
                if (node.Type == NodeType.File)
                {
                    await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, node.Path);
                    await stream.CopyToAsync(Stream.Null);
                }
            }

            await reader.GetConfigAsync();
        }

        var after = await repository.StoredFilesAsync();
        Assert.Equal(before, after);
        Assert.DoesNotContain(after, file => file.StartsWith("locks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_stream_seeks_to_any_position()
    {
        await using var reader = await OpenAsync();
        var expected = await File.ReadAllBytesAsync(Path.Combine(repository.Source, "big.bin"));
        var big = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "big.bin");
        await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, big.Path);
        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        var random = new Random(3);
        var buffer = new byte[100_000];
        for (var i = 0; i < 40; i++)
        {
            var position = i == 0 ? expected.Length - 10 : random.NextInt64(expected.Length);
            stream.Position = position;
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
            Assert.Equal((int)Math.Min(buffer.Length, expected.Length - position), read);
            Assert.True(buffer.AsSpan(0, read).SequenceEqual(expected.AsSpan((int)position, read)), $"bytes at {position} differ");
        }

        stream.Seek(-5, SeekOrigin.End);
        Assert.Equal(5, await stream.ReadAsync(buffer));
        Assert.Equal(0, await stream.ReadAsync(buffer));
        Assert.Throws<NotSupportedException>(() => stream.Write(buffer, 0, 1));
    }

    [Fact]
    public async Task Folders_and_missing_paths_are_refused_with_typed_errors()
    {
        await using var reader = await OpenAsync();
        var nested = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "nested").Path;
        await Assert.ThrowsAsync<NotSupportedException>(() => reader.OpenFileAsync(SnapshotReference.Latest, nested));
        await Assert.ThrowsAsync<ResticPathNotFoundException>(() => reader.OpenFileAsync(SnapshotReference.Latest, nested + "/missing.txt"));
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => reader.OpenFileAsync(SnapshotReference.Parse("deadbeef"), nested));
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => reader.GetSnapshotAsync(SnapshotReference.Latest, new SnapshotFilter { Tags = ["none"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => reader.OpenFileAsync(SnapshotReference.Latest, "relative/path"));
    }

    [Fact]
    public async Task Snapshots_resolve_by_prefix_and_latest_as_restic_does()
    {
        await using var reader = await OpenAsync();
        var first = repository.Snapshots[0];
        Assert.Equal(first, await reader.GetSnapshotAsync(SnapshotReference.Parse(first.Id.Value[..8])));
        Assert.Equal(first, await reader.GetSnapshotAsync(first.Id));
        Assert.Equal(repository.Snapshots[^1], await reader.GetSnapshotAsync(SnapshotReference.Latest));
        Assert.Equal(first, await reader.GetSnapshotAsync(SnapshotReference.Latest, new SnapshotFilter { Tags = [""] }));
    }

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(1, 0, true)]
    public async Task A_diff_of_the_snapshots_equals_restic_diff_on_this_storage(int first, int second, bool includeMetadata)
    {
        // diff's own cases run on repositories made for them (DiffConformanceTests); here the storage under it varies.
        await using var reader = await OpenAsync();
        var options = new DiffOptions { IncludeMetadata = includeMetadata };
        var native = await reader.StreamDiffAsync(repository.Snapshots[first].Id, repository.Snapshots[second].Id, options).ToDiffResultAsync();
        var cli = await repository.Client.DiffAsync(repository.Snapshots[first].Id, repository.Snapshots[second].Id, options);
        if (repository.Version.Version < new Version(0, 17, 0))
        {
            // restic marks probable bit rot with ? from 0.17 on; the reader always does.
            native = native with { Changes = native.Changes.Select(change => change with { Modifier = change.Modifier.Replace("?", string.Empty, StringComparison.Ordinal) }).ToList() };
        }

        Assert.NotEmpty(cli.Changes);
        Assert.Equal(cli.Changes, native.Changes);
        Assert.Equal(cli.Statistics, native.Statistics);
    }

    [Fact]
    public async Task Every_file_and_links_history_groups_what_restic_dump_shows_unchanged()
    {
        // What restic itself shows of each snapshot: a file's bytes (a link's target) by path, from one dump each.
        var shown = new List<Dictionary<string, (TarEntryType Type, string Content)>>();
        foreach (var snapshot in repository.Snapshots)
        {
            using var tar = new MemoryStream();
            await repository.Client.DumpAsync(snapshot.Id, "/", tar);
            tar.Position = 0;
            var entries = new Dictionary<string, (TarEntryType, string)>(StringComparer.Ordinal);
            using (var reader = new TarReader(tar))
            {
                while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
                {
                    var path = "/" + entry.Name.TrimStart('/');
                    if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    {
                        var bytes = entry.DataStream is null ? [] : await Bytes.ReadAllAsync(entry.DataStream);
                        entries[path] = (TarEntryType.RegularFile, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)));
                    }
                    else if (entry.EntryType == TarEntryType.SymbolicLink)
                    {
                        entries[path] = (TarEntryType.SymbolicLink, entry.LinkName);
                    }
                }
            }

            shown.Add(entries);
        }

        var paths = shown.SelectMany(entries => entries.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(paths.Length > 150);
        await using var native = await OpenAsync();
        foreach (var path in paths)
        {
            // Consecutive snapshots that show the same content are one version; a snapshot without the path ends one.
            var expected = new List<List<SnapshotId>>();
            (TarEntryType, string)? previous = null;
            for (var i = 0; i < shown.Count; i++)
            {
                if (!shown[i].TryGetValue(path, out var content))
                {
                    previous = null;
                    continue;
                }

                if (previous != content)
                {
                    expected.Add([]);
                }

                expected[^1].Add(repository.Snapshots[i].Id);
                previous = content;
            }

            var versions = await native.GetFileHistoryAsync(path).ToVersionsAsync();
            Assert.Equal(expected, versions.Select(version => version.Snapshots.Select(snapshot => snapshot.Id).ToList()));
            foreach (var version in versions)
            {
                Assert.Equal(path, version.Node.Path);
                Assert.Equal(shown[repository.Snapshots.ToList().FindIndex(s => s.Id == version.Snapshots[0].Id)][path].Type == TarEntryType.RegularFile ? NodeType.File : NodeType.Symlink, version.Node.Type);
            }
        }

        // The file the second snapshot changed has two versions, each with its own size.
        var hello = paths.Single(path => path.EndsWith("/hello.txt", StringComparison.Ordinal));
        var helloVersions = await native.GetFileHistoryAsync(hello).ToVersionsAsync();
        Assert.Equal([6L, 14L], helloVersions.Select(version => version.Node.Size ?? -1));
        Assert.Equal(repository.Snapshots, helloVersions.SelectMany(version => version.Snapshots));
    }

    [Fact]
    public async Task A_client_with_native_reads_answers_file_histories_and_one_without_says_why_not()
    {
        // The location the reader opens (over SFTP the CLI's carries ssh arguments, which leave it to restic).
        var options = repository.ClientOptions().UseNativeReads();
        options.Repository = repository.Location;
        await using var client = new ResticClient(options);
        await using var reader = await OpenAsync();
        var folder = repository.Source + "/nested";
        Assert.Equal(await reader.GetFileHistoryAsync(folder).ToVersionsAsync(), await client.GetFileHistoryAsync(folder).ToVersionsAsync());

        // The folder changed (a file was added below it): two versions, a folder each.
        var versions = await client.GetFileHistoryAsync(folder + "/").ToVersionsAsync();
        Assert.Equal(2, versions.Count);
        Assert.All(versions, version => Assert.Equal(NodeType.Directory, version.Node.Type));
        Assert.Empty(await client.GetFileHistoryAsync(repository.Source + "/no-such-file").ToVersionsAsync());
        Assert.Empty(await client.GetFileHistoryAsync(repository.Source + "/hello.txt/below-a-file").ToVersionsAsync());

        var error = await Assert.ThrowsAsync<NotSupportedException>(async () => await repository.Client.GetFileHistoryAsync(folder).ToVersionsAsync());
        Assert.Contains("UseNativeReads", error.Message, StringComparison.Ordinal);
        foreach (var bad in new[] { "", "/", "//", "relative/path", "/with\0nul" })
        {
            Assert.Throws<ArgumentException>(() => client.GetFileHistoryAsync(bad));
            await Assert.ThrowsAsync<ArgumentException>(async () => await reader.GetFileHistoryAsync(bad).ToVersionsAsync());
        }
    }

    private Task<ResticRepositoryReader> OpenAsync() => ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);

    private void AssertSameNodes(IReadOnlyList<SnapshotNode> cli, IReadOnlyList<SnapshotNode> native)
    {
        if (repository.Version.Version < InodeVersion)
        {
            native = native.Select(node => node with { Inode = null }).ToArray();
        }

        Assert.Equal(cli.Select(node => node.Path), native.Select(node => node.Path));
        Assert.Equal(cli, native);
    }
}

public sealed class FormatVersion1ConformanceTests(FormatVersion1Repository repository) : ConformanceTests<FormatVersion1Repository>(repository);

public sealed class FormatVersion2ConformanceTests(FormatVersion2Repository repository) : ConformanceTests<FormatVersion2Repository>(repository);
