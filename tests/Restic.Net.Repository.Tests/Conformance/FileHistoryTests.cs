using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// File histories on <see cref="HistoryRepository"/>: what makes a new version (content, type, a gap) and what does not
/// (metadata alone), folders and links, filters, and paths that are not there. Each expectation follows from how the
/// fixture changed its source; every file's history is also checked against restic dump in <see cref="ConformanceTests{TRepository}"/>.
/// </summary>
public sealed class FileHistoryTests(HistoryRepository repository) : IClassFixture<HistoryRepository>
{
    [Fact]
    public async Task Metadata_alone_keeps_a_version_new_content_starts_one_and_a_gap_ends_one()
    {
        var versions = await HistoryAsync("/report.txt");

        // "one" (written, then touched and chmodded), "two", then after the snapshot without it "two" again.
        Assert.Equal([[0, 1], [2], [4, 5]], versions.Select(Indexes));
        Assert.Equal([4L, 4L, 4L], versions.Select(version => version.Node.Size ?? -1));
        Assert.All(versions, version => Assert.Equal(NodeType.File, version.Node.Type));

        // The node is the version's first snapshot's: snapshot 0's time, not the touched one of snapshot 1.
        Assert.NotEqual(2011, versions[0].Node.ModificationTime.Year);
        Assert.Equal(repository.Source + "/report.txt", versions[0].Node.Path);
    }

    [Fact]
    public async Task A_folder_changes_when_something_below_it_does()
    {
        Assert.Equal([[0, 1], [2, 3, 4, 5]], (await HistoryAsync("/folder")).Select(Indexes));
        Assert.Equal([[0, 1], [2, 3, 4, 5]], (await HistoryAsync("/folder/x.txt")).Select(Indexes));
    }

    [Fact]
    public async Task A_new_link_target_and_a_new_type_start_versions()
    {
        var link = await HistoryAsync("/link");
        Assert.Equal([[0, 1, 2], [3, 4, 5]], link.Select(Indexes));
        Assert.Equal(["report.txt", "folder"], link.Select(version => version.Node.LinkTarget));

        var shape = await HistoryAsync("/shape");
        Assert.Equal([[0, 1, 2], [3, 4, 5]], shape.Select(Indexes));
        Assert.Equal([NodeType.File, NodeType.Directory], shape.Select(version => version.Node.Type));
    }

    [Fact]
    public async Task A_filter_narrows_the_snapshots_and_a_missing_path_has_no_versions()
    {
        await using var reader = await ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
        var thisHost = new FileHistoryOptions { Filter = new SnapshotFilter { HostNames = [repository.Snapshots[0].HostName!] } };
        Assert.Equal([[0, 1], [2], [4]], (await reader.GetFileHistoryAsync(repository.Source + "/report.txt", thisHost).ToVersionsAsync()).Select(Indexes));
        var other = new FileHistoryOptions { Filter = new SnapshotFilter { Tags = ["other"] } };
        Assert.Equal([[5]], (await reader.GetFileHistoryAsync(repository.Source + "/report.txt", other).ToVersionsAsync()).Select(Indexes));
        Assert.Empty(await reader.GetFileHistoryAsync(repository.Source + "/never-there").ToVersionsAsync());
        Assert.Empty(await reader.GetFileHistoryAsync("/no/such/root").ToVersionsAsync());
    }

    [Fact]
    public async Task The_versions_stream_before_the_last_snapshot_is_read()
    {
        // Stopping after the first version does not need the rest; a cancelled token stops the enumeration.
        await using var reader = await ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
        await foreach (var version in reader.GetFileHistoryAsync(repository.Source + "/report.txt"))
        {
            Assert.Equal(2, version.Snapshots.Count);
            break;
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.GetFileHistoryAsync(repository.Source + "/report.txt", cancellationToken: cancelled.Token).ToVersionsAsync());
    }

    private async Task<List<FileVersion>> HistoryAsync(string belowSource)
    {
        await using var reader = await ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
        return await reader.GetFileHistoryAsync(repository.Source + belowSource).ToVersionsAsync();
    }

    private int[] Indexes(FileVersion version) =>
        [.. version.Snapshots.Select(snapshot => repository.Snapshots.ToList().FindIndex(s => s.Id == snapshot.Id))];
}
