namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// One repository shared by a test collection, because every restic command that opens a
/// repository spends ~0.65 s on key derivation and init ~2.3 s. Holds a source tree and a first
/// snapshot of it; tests that change the repository use their own.
/// </summary>
public sealed class RepositoryFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();

    public string RepositoryPath => _root.Combine("repo");

    public string CachePath => _root.Combine("cache");

    public string SourcePath => _root.Combine("src");

    /// <summary>A copy of <see cref="SourcePath"/> as it was when <see cref="First"/> was taken.</summary>
    public string FirstStatePath => _root.Combine("first-state");

    public ResticClient Client { get; private set; } = null!;

    public ResticVersion Version { get; private set; } = null!;

    public RepositoryInfo Info { get; private set; } = null!;

    public BackupSummary First { get; private set; } = null!;

    public string NewFolder(string name) => Directory.CreateDirectory(_root.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public async Task InitializeAsync()
    {
        SourceTree.WriteSmallFiles(SourcePath);
        TestRestic.CopyTree(SourcePath, FirstStatePath);
        Client = new ResticClient(TestRestic.Options(RepositoryPath, CachePath));
        Version = await Client.GetVersionAsync();
        Info = await Client.InitAsync();
        First = await Client.BackupAsync([SourcePath], new BackupOptions { Tags = ["first"], HostName = "it-host" });
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RepositoryCollection : ICollectionFixture<RepositoryFixture>
{
    public const string Name = "shared repository";
}
