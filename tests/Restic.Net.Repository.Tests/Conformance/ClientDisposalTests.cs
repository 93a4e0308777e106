using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// A client with native reads releases what the reader holds when it is disposed: the master key's arrays are
/// zeroed, a REST reader's HttpClient is disposed, and reads in flight end with <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class ClientDisposalTests(FormatVersion2Repository repository) : IClassFixture<FormatVersion2Repository>, IDisposable
{
    private readonly TempDirectory _folder = new("restic-net-dispose-");

    [Fact]
    public async Task DisposeAsync_zeroes_the_key_and_ends_a_listing_in_flight()
    {
        var client = new ResticClient(NativeOptions(new LocalRepository(repository.Repository)));
        Assert.Equal(repository.Snapshots, await client.GetSnapshotsAsync());
        var keys = HeldSecrets.KeyArrays(client);
        Assert.Equal(2, keys.Count);
        Assert.All(keys, key => Assert.Contains(key, b => b != 0));
        await using var nodes = client.GetNodesAsync(SnapshotReference.Latest).GetAsyncEnumerator();
        Assert.True(await nodes.MoveNextAsync());

        await client.DisposeAsync();

        Assert.All(keys, key => Assert.All(key, b => Assert.Equal(0, b)));
        Assert.Empty(HeldSecrets.KeyArrays(client));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
        {
            while (await nodes.MoveNextAsync())
            {
            }
        });
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetSnapshotsAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetConfigAsync());
    }

    [Fact]
    public async Task A_file_dump_in_flight_stops_at_its_next_read_when_the_client_is_disposed()
    {
        var client = new ResticClient(NativeOptions(new LocalRepository(repository.Repository)));
        var big = (await client.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "big.bin");
        var keys = HeldSecrets.KeyArrays(client);
        using var destination = new DisposingDestination(client);

        // The destination disposes the client on the first bytes it gets: the copy is in flight.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.DumpAsync(SnapshotReference.Latest, big.Path, destination));

        Assert.InRange(destination.Length, 1, big.Size!.Value - 1);
        Assert.All(keys, key => Assert.All(key, b => Assert.Equal(0, b)));
    }

    [Fact]
    public async Task Dispose_of_a_REST_client_zeroes_the_key_and_disposes_its_HttpClient()
    {
        await using var server = await RestServer.StartAsync(_folder.Path, "reader", "s3cret pass");
        TestRestic.CopyTree(repository.Repository, _folder.Combine("rest-data", "repo"));
        var location = ResticRepository.Parse(server.Url("repo", "reader", "s3cret pass"));
        var client = new ResticClient(NativeOptions(location));
        Assert.Equal(repository.Snapshots, await client.GetSnapshotsAsync());
        var keys = HeldSecrets.KeyArrays(client);
        var http = Assert.Single(HeldSecrets.HttpClients(client));
        Assert.False(HeldSecrets.IsDisposed(http));

        client.Dispose();

        Assert.All(keys, key => Assert.All(key, b => Assert.Equal(0, b)));
        Assert.True(HeldSecrets.IsDisposed(http));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetSnapshotsAsync());
    }

    public void Dispose() => _folder.Dispose();

    // No restic: every read above is the reader's.
    private ResticClientOptions NativeOptions(ResticRepository location)
    {
        var options = TestRestic.Options(repository.Repository, _folder.Combine("cache")).UseNativeReads();
        options.Repository = location;
        options.BinaryPath = _folder.Combine("no-restic-here");
        return options;
    }

    /// <summary>A destination that disposes the client when the first bytes arrive.</summary>
    private sealed class DisposingDestination(ResticClient client) : MemoryStream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken);
            await client.DisposeAsync();
        }
    }
}
