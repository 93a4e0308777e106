using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The reader's diff against <c>restic diff --json</c> of the restic under test on the same repository: every pair of
/// snapshots both ways, with and without metadata, subfolders, <c>latest</c> and id prefixes; the changes in order,
/// field by field, and the totals.
/// </summary>
public abstract class DiffConformanceTests<TRepository>(TRepository repository) : IClassFixture<TRepository>
    where TRepository : DiffRepository
{
    // restic marks possible bit rot ("?") from 0.17 on; the reader follows 0.19.
    private static readonly Version BitRotVersion = new(0, 17, 0);

    [Theory]
    [MemberData(nameof(DiffCases.Pairs), MemberType = typeof(DiffCases))]
    public async Task A_pair_of_snapshots_diffs_as_restic_diff(int first, int second, bool includeMetadata)
    {
        var result = await AssertSameAsync(repository.Snapshots[first].Id, repository.Snapshots[second].Id, new DiffOptions { IncludeMetadata = includeMetadata });
        if (first == second)
        {
            Assert.Empty(result.Changes);
        }
    }

    [Fact]
    public async Task The_fixture_has_every_kind_of_change()
    {
        var result = await AssertSameAsync(repository.Snapshots[0].Id, repository.Snapshots[1].Id, new DiffOptions { IncludeMetadata = true });
        var changes = result.Changes
            .Where(change => change.Path.StartsWith(repository.Source + "/", StringComparison.Ordinal) && !change.Path.Contains('\uFFFD', StringComparison.Ordinal))
            .ToDictionary(change => change.Path[repository.Source.Length..], change => change.Modifier);
        Assert.Equal("M", changes["/modified.txt"]);
        Assert.Equal("U", changes["/touched.txt"]);
        Assert.Equal("U", changes["/chmodded.txt"]);
        Assert.Equal("-", changes["/removed.txt"]);
        Assert.Equal("TU", changes["/becomes-folder/"]);
        Assert.Equal("TU", changes["/folder-becomes-file"]);
        Assert.Equal("-", changes["/gone/sub/g.txt"]);
        Assert.Equal("-", changes["/gone/pipe"]);
        Assert.Equal("+", changes["/new folder/deeper/d.txt"]);
        Assert.Equal("U", changes["/link"]);
        Assert.Equal("+", changes["/hard-too"]);
        Assert.Equal(1, result.Statistics.Removed.Others); // the fifo

        // Two names that read the same (bytes that are not UTF-8) are paired by their bytes: one removed, one modified.
        Assert.Equal(["-", "M"], result.Changes.Where(change => change.Path.EndsWith("/collide-\uFFFD", StringComparison.Ordinal)).Select(change => change.Modifier).Order(StringComparer.Ordinal));
        Assert.True(result.Statistics.Added.DataBlobs > 0);

        // UTF-8 order: U+FF46 before U+1F600, the reverse of UTF-16's.
        var added = result.Changes.Select(change => change.Path).Where(path => path.Contains("/new folder/", StringComparison.Ordinal)).ToList();
        Assert.True(added.FindIndex(path => path.Contains('\uFF46', StringComparison.Ordinal)) < added.FindIndex(path => path.Contains("😀", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0, "", 1, "")]
    [InlineData(1, "", 2, "")]
    [InlineData(2, "", 0, "")]
    [InlineData(0, "/keep", 2, "/keep")]
    [InlineData(2, "/keep", 1, "/keep")]
    [InlineData(0, "", 1, "/new folder")]
    [InlineData(2, "/new folder", 1, "")]
    [InlineData(1, "/becomes-folder", 1, "/becomes-folder")]
    [InlineData(1, "/becomes-folder", 2, "/new folder")]
    public async Task Subfolders_diff_as_restic_diff(int first, string firstFolder, int second, string secondFolder)
    {
        var firstReference = ((SnapshotReference)repository.Snapshots[first].Id).WithSubfolder(repository.Source + firstFolder);
        var secondReference = ((SnapshotReference)repository.Snapshots[second].Id).WithSubfolder(repository.Source + secondFolder);
        foreach (var metadata in new[] { false, true })
        {
            await AssertSameAsync(firstReference, secondReference, new DiffOptions { IncludeMetadata = metadata });
        }
    }

    [Fact]
    public async Task Latest_and_id_prefixes_diff_as_restic_diff_and_are_echoed_as_the_client_echoes_them()
    {
        var first = repository.Snapshots[0].Id;
        var result = await AssertSameAsync(first, SnapshotReference.Latest, new DiffOptions());
        Assert.Equal((SnapshotReference)repository.Snapshots[^1].Id, result.Statistics.TargetSnapshot);
        await AssertSameAsync(SnapshotReference.Latest, first, new DiffOptions { IncludeMetadata = true });
        var prefix = SnapshotReference.Parse(repository.Snapshots[1].Id.Value[..8]);
        result = await AssertSameAsync(prefix, first, new DiffOptions());
        Assert.Equal(prefix, result.Statistics.SourceSnapshot);
        await AssertSameAsync(SnapshotReference.Latest.WithSubfolder(repository.Source + "/keep"), ((SnapshotReference)first).WithSubfolder(repository.Source + "/keep"), new DiffOptions());
    }

    [Fact]
    public async Task Unknown_snapshots_and_subfolders_throw_the_typed_errors()
    {
        await using var reader = await OpenAsync();
        var first = (SnapshotReference)repository.Snapshots[0].Id;
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(async () => await reader.StreamDiffAsync(first, SnapshotReference.Parse("deadbeef")).ToDiffResultAsync());
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(async () => await repository.Client.DiffAsync(first, SnapshotReference.Parse("deadbeef")));
        await Assert.ThrowsAsync<ResticPathNotFoundException>(async () => await reader.StreamDiffAsync(first, first.WithSubfolder(repository.Source + "/no-such-folder")).ToDiffResultAsync());
        await Assert.ThrowsAsync<ResticPathNotFoundException>(async () => await reader.StreamDiffAsync(first, first.WithSubfolder(repository.Source + "/modified.txt")).ToDiffResultAsync());
        await Assert.ThrowsAsync<ArgumentException>(async () => await reader.StreamDiffAsync(first, default).ToDiffResultAsync());
    }

    /// <summary>Compares the reader with the client's CLI path; before restic 0.16, which has no subfolder syntax, with the whole diff's part below the folders.</summary>
    private async Task<DiffResult> AssertSameAsync(SnapshotReference first, SnapshotReference second, DiffOptions options)
    {
        await using var reader = await OpenAsync();
        var native = await reader.StreamDiffAsync(first, second, options).ToDiffResultAsync();
        if (!repository.Version.Capabilities.SubfolderSyntax && (first.Subfolder is not null || second.Subfolder is not null))
        {
            await Assert.ThrowsAsync<ResticNotSupportedException>(() => repository.Client.DiffAsync(first, second, options));
            if (first.Subfolder == second.Subfolder)
            {
                var whole = await reader.StreamDiffAsync(WithoutSubfolder(first), WithoutSubfolder(second), options).ToDiffResultAsync();
                var prefix = first.Subfolder![repository.Source.Length..];
                var below = whole.Changes
                    .Where(change => change.Path.StartsWith(repository.Source + prefix + "/", StringComparison.Ordinal))
                    .Select(change => change with { Path = change.Path[(repository.Source.Length + prefix.Length)..] })
                    .Where(change => change.Path != "/");
                Assert.Equal(below, native.Changes);
            }

            return native;
        }

        var cli = await repository.Client.DiffAsync(first, second, options);
        if (repository.Version.Version < BitRotVersion)
        {
            native = native with { Changes = native.Changes.Select(change => change with { Modifier = change.Modifier.Replace("?", string.Empty, StringComparison.Ordinal) }).ToList() };
        }

        Assert.Equal(cli.Changes.Select(change => change.Modifier + " " + change.Path), native.Changes.Select(change => change.Modifier + " " + change.Path));
        Assert.Equal(cli.Changes, native.Changes);
        Assert.Equal(cli.Statistics, native.Statistics);
        return native;
    }

    private static SnapshotReference WithoutSubfolder(SnapshotReference reference) => SnapshotReference.Parse(reference.Snapshot);

    private Task<ResticRepositoryReader> OpenAsync() => ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
}

public sealed class FormatVersion1DiffConformanceTests(DiffVersion1Repository repository) : DiffConformanceTests<DiffVersion1Repository>(repository);

public sealed class FormatVersion2DiffConformanceTests(DiffVersion2Repository repository) : DiffConformanceTests<DiffVersion2Repository>(repository);
