using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>Features of restic 0.19: refused before any process starts on older versions, passed through on 0.19.</summary>
public class VersionGatedFeatureTests
{
    public static TheoryData<string, Func<IResticClient, Task>> Features => new()
    {
        { "check limited to some snapshots", c => c.CheckAsync(new CheckOptions { Snapshots = [SnapshotReference.Parse("abcd1234")] }) },
        { "check limited to some snapshots", c => c.CheckAsync(new CheckOptions { Filter = new SnapshotFilter { Tags = ["t"] } }) },
        { "rewrite with include patterns", c => c.RewriteAsync(SnapshotSelection.All, new RewriteOptions { Includes = ["/keep"] }) },
        { "restore --ownership-by-name", c => c.RestoreAsync(SnapshotReference.Latest, "/tmp/target", new RestoreOptions { OwnershipByName = true }) },
    };

    [Theory]
    [MemberData(nameof(Features))]
    public async Task Restic018_Feature_ThrowsNotSupportedNamingVersion019_BeforeAnyCommand(string feature, Func<IResticClient, Task> use)
    {
        var runner = FixtureRunner.Replaying("0.18.0", "check");

        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => use(runner.CreateClient()));

        Assert.Equal(new Version(0, 19, 0), ex.RequiredVersion);
        Assert.Contains(feature, ex.Message);
        Assert.Empty(runner.Commands);
    }

    [Theory]
    [InlineData("if-changed")]
    [InlineData("if-newer")]
    [InlineData("never")]
    public async Task RestoreOverwriteOtherThanAlways_OnRestic014_ThrowsNotSupportedNamingVersion017_BeforeAnyCommand(string policy)
    {
        var runner = FixtureRunner.Replaying("0.14.0", "restore");

        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => runner.CreateClient().RestoreAsync(SnapshotReference.Latest, "/tmp/target", new RestoreOptions { Overwrite = new RestoreOverwritePolicy(policy) }));

        Assert.Equal(new Version(0, 17, 0), ex.RequiredVersion);
        Assert.Contains("--overwrite=" + policy, ex.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task RestoreOverwriteAlways_OnRestic014_RunsWithoutTheFlag_WhichThatVersionLacks()
    {
        var runner = FixtureRunner.Replaying("0.14.0", "restore");

        await runner.CreateClient().RestoreAsync(SnapshotReference.Latest, "/tmp/target", new RestoreOptions { Overwrite = RestoreOverwritePolicy.Always });

        Assert.DoesNotContain(runner.LastArguments, a => a.StartsWith("--overwrite", StringComparison.Ordinal));
    }

    [Fact]
    public void RestoreOverwrite_Empty_IsRejectedBeforeAnyCommand()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "restore");

        var ex = Assert.Throws<ArgumentException>(() => runner.CreateClient().StreamRestoreAsync(SnapshotReference.Latest, "/tmp/target", new RestoreOptions { Overwrite = new RestoreOverwritePolicy(string.Empty) }));

        Assert.Equal("Overwrite", ex.ParamName);
        Assert.Empty(runner.Commands);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    public async Task CompressionLevelOfRestic019_OnAnOlderVersion_ThrowsNotSupportedBeforeAnyCommand(string version)
    {
        var runner = FixtureRunner.Replaying(version, "snapshots");
        var client = runner.CreateClient(o => o.Compression = ResticCompression.Better);

        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.GetSnapshotsAsync());

        Assert.Contains("compression level better", ex.Message);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task CompressionLevelFromTheEnvironment_OnAnOlderVersion_ThrowsNotSupportedToo()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "snapshots");
        var client = runner.CreateClient(o => o.EnvironmentVariables["RESTIC_COMPRESSION"] = "fastest");

        await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.GetSnapshotsAsync());
    }

    [Fact]
    public async Task CompressionLevel_OnRestic019_IsPassedAsAGlobalFlag()
    {
        var runner = FixtureRunner.Replaying("0.19.1", "snapshots");

        await runner.CreateClient(o => o.Compression = ResticCompression.Fastest).GetSnapshotsAsync();

        Assert.Contains("--compression=fastest", runner.LastArguments);
    }

    [Theory]
    [InlineData("RESTIC_COMPRESSION", "bogus")]
    [InlineData("RESTIC_COMPRESSION", "MAX")] // restic compares case-sensitively
    [InlineData("RESTIC_PACK_SIZE", "x")]
    [InlineData("RESTIC_PACK_SIZE", "3")]
    [InlineData("RESTIC_PACK_SIZE", "129")]
    [InlineData("RESTIC_READ_CONCURRENCY", "0")]
    [InlineData("RESTIC_READ_CONCURRENCY", "abc")]
    public void InvalidResticVariable_IsRejectedWhenTheClientIsCreated_OnEveryVersion(string name, string value)
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/r"), Password = ResticPassword.FromValue("p") };
        options.EnvironmentVariables[name] = value;

        var ex = Assert.Throws<ArgumentException>(() => new ResticClient(options));

        Assert.Contains(name, ex.Message);
        Assert.Contains(value, ex.Message);
    }

    [Fact]
    public void UnknownCompressionOption_IsRejectedWhenTheClientIsCreated()
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/r"), Password = ResticPassword.FromValue("p"), Compression = new ResticCompression("zstd-19") };

        Assert.Throws<ArgumentException>(() => new ResticClient(options));
    }

    [Fact]
    public void FindOptions_OldestAfterNewest_ThrowsBeforeAnyCommand()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "find");
        var options = new FindOptions { Oldest = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero), Newest = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        Assert.Throws<ArgumentException>(() => runner.CreateClient().FindAsync(["*"], options));
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task RewriteOptions_IncludesWithExcludes_AreRejected()
    {
        var runner = FixtureRunner.Replaying("0.19.1", "rewrite");

        await Assert.ThrowsAsync<ArgumentException>(() => runner.CreateClient().RewriteAsync(SnapshotSelection.All, new RewriteOptions { Includes = ["/a"], Excludes = ["/b"] }));
        Assert.Empty(runner.Commands);
    }
}
