using Microsoft.Extensions.DependencyInjection;
using Restic.Net.Repository;
using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Extensions.DependencyInjection.Tests;

/// <summary>
/// The container owns the clients it creates: disposing the service provider disposes the default client, a keyed
/// client and a client only the factory gave out, and each one zeroes the master key of its native reads.
/// </summary>
[Collection(RealRepositoryCollection.Name)]
public class ClientDisposalTests(RealRepositoryFixture fixture)
{
    [Theory(Timeout = 120000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Disposing_the_provider_disposes_every_client_it_created_and_zeroes_their_keys(bool asynchronously)
    {
        var services = new ServiceCollection();
        services.AddResticClient(Native);
        services.AddResticClient("keyed", Native);
        services.AddResticClient("factory-only", Native);
        var provider = services.BuildServiceProvider(validateScopes: true);
        var factory = provider.GetRequiredService<IResticClientFactory>();
        IResticClient[] clients =
        [
            provider.GetRequiredService<IResticClient>(),
            provider.GetRequiredKeyedService<IResticClient>("keyed"),
            factory.CreateClient("factory-only"),
        ];
        var keys = new List<byte[]>();
        foreach (var client in clients)
        {
            // Native reads: the first read opens the reader and keeps the repository's master key.
            Assert.Single(await client.GetSnapshotsAsync());
            var held = HeldSecrets.KeyArrays(client);
            Assert.Equal(2, held.Count);
            Assert.All(held, key => Assert.Contains(key, b => b != 0));
            keys.AddRange(held);
        }

        if (asynchronously)
        {
            await provider.DisposeAsync();
        }
        else
        {
            provider.Dispose();
        }

        Assert.All(keys, key => Assert.All(key, b => Assert.Equal(0, b)));
        foreach (var client in clients)
        {
            await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetSnapshotsAsync());
        }

        Assert.Throws<ObjectDisposedException>(() => factory.CreateClient("factory-only"));
    }

    private void Native(ResticClientOptions options)
    {
        fixture.Configure(options, fixture.RepositoryPath);
        options.UseNativeReads();
    }
}
