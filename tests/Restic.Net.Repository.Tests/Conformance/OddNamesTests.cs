using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// Names that are not UTF-8 list exactly as restic ls prints them (each byte that is not UTF-8 one U+FFFD, as Go's
/// JSON encoder writes it), and a name that two entries share once read is refused, never answered with either file.
/// </summary>
public abstract class OddNamesTests<TRepository>(TRepository repository) : IClassFixture<TRepository>
    where TRepository : OddNamesRepository
{
    [Fact]
    public async Task The_listing_equals_restic_ls_byte_for_byte_replacement_included()
    {
        await using var reader = await OpenAsync();
        var cli = await repository.Client.GetNodesAsync(SnapshotReference.Latest).ToListAsync();
        var native = await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync();
        if (repository.Version.Version < new Version(0, 16, 1))
        {
            native = native.Select(node => node with { Inode = null }).ToList();
        }

        Assert.Equal(cli.Select(node => node.Path), native.Select(node => node.Path));
        Assert.Equal(cli, native);

        // Go replaces byte by byte: the three bytes of the cut emoji are three U+FFFD (one in .NET's decoder).
        Assert.Contains(native, node => node.Name == "trunc4-\uFFFD\uFFFD\uFFFD.txt");
        Assert.Equal(2, native.Count(node => node.Name == "collide-\uFFFD"));
        Assert.Equal(2, native.Count(node => node.Name == "valid-\uFFFD"));
    }

    [Fact]
    public async Task A_name_two_entries_share_is_refused_as_ambiguous_never_answered_with_either_file()
    {
        await using var reader = await OpenAsync();
        var folder = Folder(await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
        foreach (var name in new[] { "collide-\uFFFD", "valid-\uFFFD" })
        {
            var error = await Assert.ThrowsAsync<ResticPathNotFoundException>(() => reader.OpenFileAsync(SnapshotReference.Latest, folder + "/" + name));
            Assert.Contains("ambiguous", error.Message, StringComparison.Ordinal);
            Assert.Equal(folder + "/" + name, error.Path);
        }

        // restic cannot name them either: its dump says not found.
        await Assert.ThrowsAsync<ResticPathNotFoundException>(() => repository.Client.DumpAsync(SnapshotReference.Latest, folder + "/collide-\uFFFD", Stream.Null));
    }

    [Fact]
    public async Task A_name_only_one_entry_reads_as_is_that_entry()
    {
        await using var reader = await OpenAsync();
        var nodes = await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync();
        var folder = Folder(nodes);
        Assert.Equal("a cut emoji\n", await ReadTextAsync(reader, folder + "/trunc4-\uFFFD\uFFFD\uFFFD.txt"));
        Assert.Equal("latin-1\n", await ReadTextAsync(reader, folder + "/lone-\uFFFD.txt"));
        Assert.Equal("inside\n", await ReadTextAsync(reader, folder + "/dir-\uFFFD/inner.txt"));
        Assert.Contains(await reader.GetNodesAsync(SnapshotReference.Latest.WithSubfolder(folder + "/dir-\uFFFD")).ToListAsync(), node => node.Name == "inner.txt");

        // With .NET's replacement (one U+FFFD for the cut emoji) there is no such file.
        await Assert.ThrowsAsync<ResticPathNotFoundException>(() => reader.OpenFileAsync(SnapshotReference.Latest, folder + "/trunc4-\uFFFD.txt"));
    }

    private static string Folder(List<SnapshotNode> nodes) => nodes.Single(node => node.Name == "src").Path;

    private static async Task<string> ReadTextAsync(ResticRepositoryReader reader, string path)
    {
        await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, path);
        return System.Text.Encoding.UTF8.GetString(await Bytes.ReadAllAsync(stream));
    }

    private Task<ResticRepositoryReader> OpenAsync() => ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
}

public sealed class FormatVersion1OddNamesTests(OddNamesVersion1Repository repository) : OddNamesTests<OddNamesVersion1Repository>(repository);

public sealed class FormatVersion2OddNamesTests(OddNamesVersion2Repository repository) : OddNamesTests<OddNamesVersion2Repository>(repository);
