using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Extensions.DependencyInjection.Tests;

/// <summary>
/// Real repositories shared by the tests that only read them: one with a snapshot tagged
/// <c>nightly</c> from host <c>di-host</c>, and one with no snapshot.
/// </summary>
public sealed class RealRepositoryFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new("restic-net-di-");

    public string RepositoryPath => _root.Combine("repo");

    public string EmptyRepositoryPath => _root.Combine("empty");

    public string CachePath => _root.Combine("cache");

    public string SourcePath => _root.Combine("src");

    public BackupSummary Snapshot { get; private set; } = null!;

    public string NewFolder(string name) => Directory.CreateDirectory(_root.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>Options for a repository of this fixture with the test password, the binary under test and a private cache.</summary>
    public void Configure(ResticClientOptions options, string repository)
    {
        var test = TestRestic.Options(repository, CachePath);
        options.Repository = test.Repository;
        options.Password = test.Password;
        options.BinaryPath = test.BinaryPath;
        options.CacheDirectory = test.CacheDirectory;
        options.ProgressInterval = test.ProgressInterval;
    }

    public async Task InitializeAsync()
    {
        SourceTree.WriteSmallFiles(SourcePath, count: 20);
        var client = new ResticClient(TestRestic.Options(RepositoryPath, CachePath));
        var empty = new ResticClient(TestRestic.Options(EmptyRepositoryPath, CachePath));
        await Task.WhenAll(client.InitAsync(), empty.InitAsync());
        Snapshot = await client.BackupAsync([SourcePath], new BackupOptions { Tags = ["nightly"], HostName = "di-host" });
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RealRepositoryCollection : ICollectionFixture<RealRepositoryFixture>
{
    public const string Name = "real repositories (DI)";
}
