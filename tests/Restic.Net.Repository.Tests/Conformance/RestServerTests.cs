using System.Net;
using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>The reader over a real rest-server (HTTP range requests, basic authentication) reads what it reads locally.</summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
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
        var denied = await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => ResticRepositoryReader.OpenAsync(wrong, repository.Password));
        Assert.False(denied.IsTransient);
        var missing = (RestRepository)ResticRepository.Parse(server.Url("missing", "reader", "right"));
        var notFound = await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(missing, repository.Password));
        Assert.False(notFound.IsTransient);
    }

    [Fact]
    public async Task A_server_that_is_gone_is_unreachable_not_a_hang()
    {
        var port = ServerProcess.FreePort();
        var gone = new RestRepository(new Uri($"http://127.0.0.1:{port}/repo"));
        var ex = await Assert.ThrowsAsync<ResticBackendUnreachableException>(() =>
            ResticRepositoryReader.OpenAsync(gone, repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = TimeSpan.FromSeconds(5) }));
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task A_plain_web_server_is_no_REST_server_and_retrying_does_not_help()
    {
        // Folders are HTML pages: restic itself retries such a listing for good ("invalid character '<'").
        await using var server = new PlainHttpServer(repository.Repository);
        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => ResticRepositoryReader.OpenAsync(new RestRepository(server.Url), repository.Password));
        Assert.Contains("no readable listing", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);

        // Listings it can read, but every range request answered with the whole file.
        server.JsonListings = true;
        await using var reader = await ResticRepositoryReader.OpenAsync(new RestRepository(server.Url), repository.Password);
        var ignored = await Assert.ThrowsAsync<ResticCommandException>(async () =>
        {
            foreach (var file in (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Where(node => node.Type == NodeType.File))
            {
                await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, file.Path);
                await stream.CopyToAsync(Stream.Null);
            }
        });
        Assert.Contains("ignored the range request", ignored.Message, StringComparison.Ordinal);
        Assert.False(ignored.IsTransient);
        Assert.True(server.RangeRequests > 0);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.MethodNotAllowed, false)]
    public async Task A_status_HTTP_clients_retry_is_transient_and_another_is_not(HttpStatusCode status, bool transient)
    {
        await using var server = new PlainHttpServer(repository.Repository) { StatusOf = _ => status };

        var ex = await Assert.ThrowsAnyAsync<ResticCommandException>(() => ResticRepositoryReader.OpenAsync(new RestRepository(server.Url), repository.Password));

        Assert.Equal(transient, ex.IsTransient);
        Assert.Equal(transient ? typeof(ResticBackendUnreachableException) : typeof(ResticCommandException), ex.GetType());
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
