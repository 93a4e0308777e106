using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>The reader over a real rest-server (HTTP range requests, basic authentication) reads what it reads locally.</summary>
public sealed class RestServerTests(FormatVersion2Repository repository) : IClassFixture<FormatVersion2Repository>, IDisposable
{
    private readonly TempDirectory _folder = new("restic-net-rest-");

    [Fact]
    public async Task Snapshots_listings_and_files_over_REST_equal_the_local_ones()
    {
        await using var server = await RestServer.StartAsync(_folder.Path, "reader", "s3cret pass");
        TestRestic.CopyTree(repository.Repository, _folder.Combine("rest-data", "repo"));
        var location = (RestRepository)ResticRepository.Parse(server.Url("repo", "reader", "s3cret pass"));

        await using var local = await ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
        await using var remote = await ResticRepositoryReader.OpenAsync(location, repository.Password);
        Assert.Equal(local.Config with { Location = string.Empty }, remote.Config with { Location = string.Empty });
        Assert.DoesNotContain("s3cret", remote.Config.Location, StringComparison.Ordinal);
        Assert.Equal(await local.GetSnapshotsAsync(), await remote.GetSnapshotsAsync());

        var nodes = await remote.GetNodesAsync(SnapshotReference.Latest).ToListAsync();
        Assert.Equal(await local.GetNodesAsync(SnapshotReference.Latest).ToListAsync(), nodes);
        foreach (var file in nodes.Where(node => node.Type == NodeType.File && !node.Path.Contains("/shared/", StringComparison.Ordinal)))
        {
            await using var stream = await remote.OpenFileAsync(SnapshotReference.Latest, file.Path);
            Bytes.AssertEqual(await File.ReadAllBytesAsync(file.Path), await Bytes.ReadAllAsync(stream), file.Path + " over REST");
        }
    }

    [Fact]
    public async Task Wrong_credentials_and_a_missing_repository_are_typed()
    {
        await using var server = await RestServer.StartAsync(_folder.Path, "reader", "right");
        TestRestic.CopyTree(repository.Repository, _folder.Combine("rest-data", "repo"));
        var wrong = (RestRepository)ResticRepository.Parse(server.Url("repo", "reader", "wrong"));
        await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => ResticRepositoryReader.OpenAsync(wrong, repository.Password));
        var missing = (RestRepository)ResticRepository.Parse(server.Url("missing", "reader", "right"));
        await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(missing, repository.Password));
    }

    [Fact]
    public async Task A_server_that_is_gone_is_unreachable_not_a_hang()
    {
        var port = ServerProcess.FreePort();
        var gone = new RestRepository(new Uri($"http://127.0.0.1:{port}/repo"));
        await Assert.ThrowsAsync<ResticBackendUnreachableException>(() =>
            ResticRepositoryReader.OpenAsync(gone, repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = TimeSpan.FromSeconds(5) }));
    }

    public void Dispose() => _folder.Dispose();
}
