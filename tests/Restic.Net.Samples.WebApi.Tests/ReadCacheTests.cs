using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// GET /snapshots reads through a cached native reader per repository and password: opened once, current after
/// new snapshots, never kept for a wrong password, closed when the repository's keys rotate, bounded in count and
/// idle time, and closed only after the requests that use it have ended.
/// </summary>
public sealed class ReadCacheTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact(Timeout = 180000)]
    public async Task Snapshots_AreReadByOneReaderPerRepositoryAndPassword_UntilTheKeysRotate()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 5);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);
        var cache = factory.Services.GetRequiredService<ReadClientCache>();
        var opened = cache.Opened;

        for (var i = 0; i < 5; i++)
        {
            var list = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(1, list["count"]!.GetValue<int>());
        }

        Assert.Equal(opened + 1, cache.Opened);

        // A snapshot made since is listed by the same reader.
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, tags = new[] { "later" } }, token).ExpectAsync(HttpStatusCode.OK);
        var two = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, two["count"]!.GetValue<int>());
        Assert.Equal(opened + 1, cache.Opened);

        // A wrong password is refused as before and leaves no reader behind.
        var entries = cache.Count;
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, $"{Api.Base}/snapshots?repository={name}"))
        {
            wrong.Headers.Add(RepositoryClientFactory.PasswordHeader, "not-the-password");
            var response = await http.SendAsync(wrong);
            Assert.False(response.IsSuccessStatusCode);
            Assert.Contains("password", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(entries, cache.Count);

        // Rotating the key closes the repository's readers; the new token opens a new one.
        var rotated = await http.PostAsync("/keys/rotate", new { repository = name, new_password = "a-new-long-passphrase-3e9" }, token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(entries - 1, cache.Count);
        var after = await http.GetAsync($"/snapshots?repository={name}", rotated["password_token"]!.GetValue<string>()).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, after["count"]!.GetValue<int>());
        Assert.Equal(opened + 3, cache.Opened); // the first reader, the wrong password's (dropped), the new key's
    }

    [Fact(Timeout = 180000)]
    public async Task Readers_AreBoundedInCountAndIdleTime_AndClosedOnlyAfterTheirLastRead()
    {
        var http = factory.CreateAdminClient();
        var (first, _) = await factory.InitAsync(http);
        var (second, _) = await factory.InitAsync(http);
        var registry = factory.Services.GetRequiredService<RepositoryRegistry>();
        var one = await registry.ResolveAsync(first, CancellationToken.None);
        var other = await registry.ResolveAsync(second, CancellationToken.None);
        var password = new ResolvedPassword(ResticPassword.FromValue(WebApiFactory.TestPassword), "value:" + WebApiFactory.TestPassword);
        var time = new FakeTimeProvider();
        var options = Options.Create(new ResticApiOptions { ReadCacheSize = 1, ReadCacheIdleTime = TimeSpan.FromMinutes(10) });
        await using var cache = new ReadClientCache(factory.Services.GetRequiredService<RepositoryClientFactory>(), options, time);

        // Full at one reader: the other repository's read closes the first reader, but only after the read using it ends.
        IResticClient? held = null;
        var release = new TaskCompletionSource();
        var slowRead = cache.ReadAsync(one, password, async client =>
        {
            held = client;
            await release.Task;
            return await client.GetSnapshotsAsync();
        });
        await cache.ReadAsync(other, password, client => client.GetSnapshotsAsync());
        Assert.Equal(1, cache.Count);
        release.SetResult();
        Assert.Empty(await slowRead); // the evicted reader still served the read in flight
        await Assert.ThrowsAsync<ObjectDisposedException>(() => held!.GetSnapshotsAsync());

        // Idle past the limit: the next read opens a new reader.
        var opened = cache.Opened;
        await cache.ReadAsync(other, password, client => client.GetSnapshotsAsync());
        Assert.Equal(opened, cache.Opened);
        time.Advance(TimeSpan.FromMinutes(11));
        await cache.ReadAsync(other, password, client => client.GetSnapshotsAsync());
        Assert.Equal(opened + 1, cache.Opened);
        Assert.Equal(1, cache.Count);
    }
}
