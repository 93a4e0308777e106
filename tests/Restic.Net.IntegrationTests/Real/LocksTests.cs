using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Config, locks and unlock against the real restic.</summary>
[Collection(RepositoryCollection.Name)]
public class LocksTests(RepositoryFixture fixture)
{
    [Fact(Timeout = 60000)]
    public async Task GetConfigAsync_InitializedRepository_ReturnsWhatInitReported()
    {
        var config = await fixture.Client.GetConfigAsync();

        Assert.Equal(fixture.Info, config);
        Assert.Equal(2, config.Version);
    }

    [Fact(Timeout = 120000)]
    public async Task GetLocksAsync_StaleLockOfAKilledRestic_ShowsItsHolder_AndUnlockReportsItRemoved()
    {
        var repository = fixture.NewFolder("locks-repo");
        var cache = fixture.NewFolder("cache");
        await TestRestic.InitializeAsync(repository);
        var client = new ResticClient(TestRestic.Options(repository, cache));
        Assert.Empty(await client.GetLocksAsync());

        var pid = await StaleLock.CreateAsync(repository, cache);

        var found = Assert.Single(await client.GetLocksAsync());
        Assert.Equal(pid, found.Pid);
        Assert.False(found.IsExclusive);
        Assert.Equal(Environment.UserName, found.UserName);
        Assert.InRange(found.Age, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Assert.Equal((await TestRestic.ListLocksAsync(repository, cache)).Single(), found.Id);

        var unlocked = await client.UnlockAsync();

        Assert.Equal(found.Id, Assert.Single(unlocked.Removed).Id);
        Assert.Empty(await client.GetLocksAsync());
        Assert.Empty(await TestRestic.ListLocksAsync(repository, cache));
    }
}
