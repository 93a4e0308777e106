using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// Every read from a REST server is bounded by <see cref="ResticRepositoryReaderOptions.RequestTimeout"/>, its body
/// included: a real rest-server behind a proxy that stops sending in the middle of a body (a pack range, an index
/// file, a folder listing) fails the read with <see cref="ResticTimeoutException"/>, and the reader reads again once
/// the server answers.
/// </summary>
public abstract class RestTimeoutTests<TRepository>(TRepository repository) : IClassFixture<TRepository>, IDisposable
    where TRepository : ConformanceRepository
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // Far above the timeout: only a read that never ends reaches it (before the fix: forever).
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _folder = new("restic-net-stall-");

    [Fact]
    public async Task A_pack_body_that_stops_midway_fails_the_file_read_with_a_timeout()
    {
        await using var server = await StartAsync();
        await using var proxy = new StallingProxy(new Uri($"http://127.0.0.1:{server.Port}/"));
        await using var reader = await OpenAsync(proxy);
        var big = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "big.bin");
        await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, big.Path);

        proxy.StallBodyOf = path => path.Contains("/data/", StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<ResticTimeoutException>(() => stream.CopyToAsync(Stream.Null).WaitAsync(Hang));
        Assert.True(proxy.Stalled > 0);
        Assert.Equal(Timeout, error.Timeout);

        // The server answers again: a new stream reads the file.
        proxy.StallBodyOf = null;
        await using var again = await reader.OpenFileAsync(SnapshotReference.Latest, big.Path);
        Bytes.AssertEqual(await File.ReadAllBytesAsync(big.Path), await Bytes.ReadAllAsync(again), "big.bin after the stall");
    }

    [Fact]
    public async Task An_index_file_or_a_listing_that_stops_midway_is_a_timeout()
    {
        await using var server = await StartAsync();
        await using var proxy = new StallingProxy(new Uri($"http://127.0.0.1:{server.Port}/"));
        await using var reader = await OpenAsync(proxy);

        // The index is loaded on the first listing.
        proxy.StallBodyOf = path => path.Contains("/index/", StringComparison.Ordinal) && !path.EndsWith('/');
        await Assert.ThrowsAsync<ResticTimeoutException>(() => reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync().WaitAsync(Hang));

        // A folder listing (restic's REST API version 2 JSON).
        proxy.StallBodyOf = path => path.EndsWith("/snapshots/", StringComparison.Ordinal);
        await Assert.ThrowsAsync<ResticTimeoutException>(() => reader.GetSnapshotsAsync().WaitAsync(Hang));
        Assert.True(proxy.Stalled >= 2);

        proxy.StallBodyOf = null;
        Assert.Equal(repository.Snapshots, await reader.GetSnapshotsAsync());
        Assert.NotEmpty(await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_reported_as_a_timeout()
    {
        await using var server = await StartAsync();
        await using var proxy = new StallingProxy(new Uri($"http://127.0.0.1:{server.Port}/"));
        await using var reader = await ResticRepositoryReader.OpenAsync(Location(proxy), repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = Hang });
        proxy.StallBodyOf = path => path.Contains("/index/", StringComparison.Ordinal) && !path.EndsWith('/');
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.GetNodesAsync(SnapshotReference.Latest, cancellationToken: cancellation.Token).ToListAsync().WaitAsync(Hang));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<RestServer> StartAsync()
    {
        var server = await RestServer.StartAsync(_folder.Path);
        TestRestic.CopyTree(repository.Repository, _folder.Combine("rest-data", "repo"));
        return server;
    }

    private static RestRepository Location(StallingProxy proxy) => new(new Uri($"http://127.0.0.1:{proxy.Port}/repo"));

    private Task<ResticRepositoryReader> OpenAsync(StallingProxy proxy) =>
        ResticRepositoryReader.OpenAsync(Location(proxy), repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = Timeout });
}

[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class FormatVersion1RestTimeoutTests(FormatVersion1Repository repository) : RestTimeoutTests<FormatVersion1Repository>(repository);

[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class FormatVersion2RestTimeoutTests(FormatVersion2Repository repository) : RestTimeoutTests<FormatVersion2Repository>(repository);
