using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The core operations against the real restic binary, in the order a user runs them.</summary>
[Collection(RepositoryCollection.Name)]
public class RepositoryLifecycleTests(RepositoryFixture fixture)
{
    [Fact(Timeout = 60000)]
    public async Task GetVersionAsync_ProvisionedRestic_ReportsTheExpectedVersion()
    {
        var version = fixture.Version;

        Assert.True(version.Version >= ResticVersion.MinimumSupported);
        Assert.StartsWith("go", version.GoVersion);
        var expected = Environment.GetEnvironmentVariable("RESTIC_NET_TEST_RESTIC_VERSION");
        if (!string.IsNullOrEmpty(expected))
        {
            Assert.Equal(System.Version.Parse(expected), version.Version);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task InitAsync_NewRepository_ReturnsFullIdAndVersion2_AndASecondInitFails()
    {
        Assert.Matches("^[0-9a-f]{64}$", fixture.Info.Id);
        Assert.Equal(2, fixture.Info.Version);
        Assert.Matches("^[0-9a-f]+$", fixture.Info.ChunkerPolynomial);

        var ex = await Assert.ThrowsAsync<ResticRepositoryAlreadyExistsException>(() => fixture.Client.InitAsync());
        Assert.Contains("already exists", ex.ResticMessage);
        Assert.Equal(1, ex.ExitCode);
    }

    [Fact(Timeout = 60000)]
    public async Task EnsureInitializedAsync_CreatesAMissingRepositoryOnce_AndOpensAnExistingOne()
    {
        var repository = fixture.NewFolder("ensure");
        var client = new ResticClient(TestRestic.Options(Path.Combine(repository, "repo"), Path.Combine(repository, "cache")));

        // A format other than the default shows that --repository-version reached restic.
        var created = await client.EnsureInitializedAsync(new InitOptions { RepositoryVersion = RepositoryVersion.V1 });
        var again = await client.EnsureInitializedAsync();

        Assert.Matches("^[0-9a-f]{64}$", created.Id);
        Assert.Equal(1, created.Version);
        Assert.Equal(created, again);
        Assert.Equal(fixture.Info.Id, (await fixture.Client.EnsureInitializedAsync()).Id);

        var options = TestRestic.Options(fixture.RepositoryPath, fixture.NewFolder("cache"));
        options.Password = ResticPassword.FromValue("not the password");
        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => new ResticClient(options).EnsureInitializedAsync());
    }

    [Fact(Timeout = 60000)]
    public async Task BackupAsync_FirstBackup_StoredEveryFile()
    {
        var first = fixture.First;

        Assert.True(first.IsComplete);
        Assert.Equal(200L, first.FilesNew);
        Assert.Equal(200L, first.TotalFilesProcessed);
        Assert.True(first.DataAdded > 0);
        Assert.Equal(fixture.Version.Capabilities.FullBackupSnapshotId, first.SnapshotId!.Value.IsFull);

        var snapshots = await fixture.Client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["first"] } });
        var snapshot = Assert.Single(snapshots);
        Assert.True(snapshot.Id.Matches(first.SnapshotId.Value));
        Assert.Equal("it-host", snapshot.HostName);
        Assert.Equal([fixture.SourcePath], snapshot.Paths);
    }

    [Fact(Timeout = 60000)]
    public async Task RestoreAsync_FirstSnapshot_RestoresTheSameBytes()
    {
        var target = fixture.NewFolder("restore");

        var summary = await fixture.Client.RestoreAsync(fixture.First.SnapshotId!.Value, target);

        SourceTree.AssertSameFiles(fixture.FirstStatePath, SourceTree.RestoredPath(target, fixture.SourcePath));
        Assert.Equal(fixture.Version.Capabilities.JsonRestore, summary.HasStatistics);
        Assert.Equal(target, summary.Target);
    }

    [Fact(Timeout = 60000)]
    public async Task RestoreAsync_IncludeOneFileWithVerify_RestoresOnlyThatFile()
    {
        var target = fixture.NewFolder("restore-include");
        var file = Directory.EnumerateFiles(fixture.FirstStatePath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var relative = Path.GetRelativePath(fixture.FirstStatePath, file);

        await fixture.Client.RestoreAsync(fixture.First.SnapshotId!.Value, target, new RestoreOptions
        {
            Includes = [Path.Combine(fixture.SourcePath, relative)],
            Verify = true,
        });

        var restored = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).ToArray();
        var only = Assert.Single(restored);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(only));
    }

    [Fact(Timeout = 60000)]
    public async Task GetSnapshotsAsync_FilterThatMatchesNothing_ReturnsEmpty()
    {
        Assert.Empty(await fixture.Client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { HostNames = ["no-such-host"] } }));
        Assert.Single(await fixture.Client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { HostNames = ["it-host"] }, Latest = 1 }));
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_HealthyRepository_IsHealthy_WithAndWithoutReadingData()
    {
        var quick = await fixture.Client.CheckAsync();
        var half = await fixture.Client.CheckAsync(new CheckOptions { ReadDataSubset = ReadDataSubset.Part(1, 2) });
        var share = await fixture.Client.CheckAsync(new CheckOptions { ReadDataSubset = ReadDataSubset.Percent(50) });
        var size = await fixture.Client.CheckAsync(new CheckOptions { ReadDataSubset = ReadDataSubset.Bytes(1L << 20) }); // "1M", which restic 0.14 reads too

        Assert.True(quick.IsHealthy);
        Assert.Empty(quick.Errors);
        Assert.True(half.IsHealthy);
        Assert.True(share.IsHealthy);
        Assert.True(size.IsHealthy);
    }

    [Fact(Timeout = 60000)]
    public async Task UnlockAsync_NoLocks_RemovesNothing()
    {
        var result = await fixture.Client.UnlockAsync();

        // restic 0.14 prints no count: the client reports the (empty) difference of the lock lists.
        Assert.Empty(result.Removed);
    }
}
