using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class QueryTests
{
    [Theory]
    [InlineData("0.14.0", "0.14.0", "go1.19.8")]
    [InlineData("0.18.0", "0.18.0", "go1.24.4")]
    [InlineData("0.19.1", "0.19.1", "go1.26.4")]
    public async Task GetVersionAsync_JsonOrText_ParsesVersionAndCapabilities(string version, string expected, string go)
    {
        var client = FixtureRunner.Replaying(version, "version").CreateClient();

        var result = await client.GetVersionAsync();

        Assert.Equal(Version.Parse(expected), result.Version);
        Assert.Equal(go, result.GoVersion);
        Assert.Equal("linux", result.OperatingSystem);
        Assert.Equal("amd64", result.Architecture);
        Assert.Equal(version != "0.14.0", result.Capabilities.JsonCheck);
        Assert.Equal(version != "0.14.0", result.Capabilities.RetryLock);
        Assert.Equal(version != "0.14.0", result.Capabilities.WrongPasswordExitCode);
    }

    [Fact]
    public async Task AnyCommand_ResticOlderThan014_ThrowsNotSupportedBeforeRunningIt()
    {
        var runner = new DelegateRunner((_, sink, _) =>
        {
            sink.OnStandardOutputLine("restic 0.13.1 compiled with go1.18 on linux/amd64"u8);
            return Task.FromResult(0);
        });

        var options = new ResticClientOptions { Repository = new LocalRepository("/r"), Password = ResticPassword.FromValue("p") };
        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => new ResticClient(options, runner, null, null).GetSnapshotsAsync());

        Assert.Equal(new Version(0, 13, 1), ex.InstalledVersion);
        Assert.Equal(new Version(0, 14, 0), ex.RequiredVersion);
        Assert.Equal(1, runner.Calls);
    }

    [Fact]
    public async Task GetVersionAsync_CalledTwice_RunsResticOnce()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "version");
        var client = runner.CreateClient();

        await client.GetVersionAsync();
        await client.GetVersionAsync();

        Assert.Single(runner.Invocations);
        Assert.False(runner.Invocations[0].Environment.ContainsKey("RESTIC_PASSWORD"));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetSnapshotsAsync_Recording_ProjectsEverySnapshot(string version)
    {
        var client = FixtureRunner.Replaying(version, "snapshots").CreateClient();

        var snapshots = await client.GetSnapshotsAsync();

        Assert.Equal(2, snapshots.Count);
        Assert.All(snapshots, s =>
        {
            Assert.True(s.Id.IsFull);
            Assert.Equal("fixture-host", s.HostName);
            Assert.Contains("fixture", s.Tags);
            Assert.Equal(["/tmp/restic-fixtures/src"], s.Paths);
            Assert.Equal(0u, s.Uid);
        });
        Assert.True(snapshots[0].Time <= snapshots[1].Time);
        Assert.Equal(snapshots[0].Id, snapshots[1].Parent);
        Assert.Equal(version != "0.14.0", snapshots[1].Summary is not null);
        Assert.Equal(version != "0.14.0" ? "restic " + version : null, snapshots[1].ProgramVersion);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetSnapshotsAsync_EmptyRepository_ReturnsEmptyList(string version)
    {
        var client = FixtureRunner.Replaying(version, "snapshots-empty").CreateClient();

        Assert.Empty(await client.GetSnapshotsAsync());
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetStatsAsync_Default_ComputesDeduplicationRatioFromRestoreSizeAndRawData(string version)
    {
        var restoreSize = Fixture.Load(version, "stats");
        var raw = Fixture.Load(version, "stats-raw-data");
        var runner = new FixtureRunner(version, i => i.Arguments.Contains("--mode=raw-data") ? raw : restoreSize);
        var client = runner.CreateClient();

        var stats = await client.GetStatsAsync();

        Assert.Equal(StatsMode.RestoreSize, stats.Mode);
        Assert.True(stats.TotalSize > 0);
        Assert.True(stats.SnapshotsCount > 0);
        Assert.NotNull(stats.StoredSize);
        var unique = stats.TotalUncompressedSize ?? stats.StoredSize!.Value;
        Assert.Equal((double)stats.TotalSize / unique, stats.DeduplicationRatio!.Value, 6);
        Assert.True(stats.DeduplicationRatio > 1, "two snapshots of mostly the same data deduplicate");
        Assert.Equal(version != "0.14.0", stats.CompressionRatio.HasValue);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetStatsAsync_RawData_ReportsCompressionAsFractions(string version)
    {
        // restic prints compression_progress and compression_space_saving as percentages (100, 0.288...); the client divides.
        var client = FixtureRunner.Replaying(version, "stats-raw-data").CreateClient();

        var stats = await client.GetStatsAsync(new StatsOptions { Mode = StatsMode.RawData });

        if (version == "0.14.0")
        {
            Assert.Null(stats.CompressionProgress); // no compression before 0.15
            Assert.Null(stats.CompressionSpaceSaving);
            return;
        }

        Assert.Equal(1.0, stats.CompressionProgress); // every blob is compressed
        var saved = 1 - ((double)stats.TotalSize / stats.TotalUncompressedSize!.Value);
        Assert.Equal(saved, stats.CompressionSpaceSaving!.Value, 9);
        Assert.InRange(stats.CompressionSpaceSaving.Value, 0, 1);
        Assert.True(stats.CompressionRatio >= 1, "a ratio, not a fraction");
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetSnapshotGroupsAsync_Recording_GroupsByHostOldestFirst(string version)
    {
        var runner = FixtureRunner.Replaying(version, "snapshots-group-by-host");
        var all = await FixtureRunner.Replaying(version, "snapshots").CreateClient().GetSnapshotsAsync();

        var groups = await runner.CreateClient().GetSnapshotGroupsAsync(SnapshotGrouping.Host);

        Assert.Equal(["snapshots", "--json", "--group-by=host"], runner.LastArguments);
        var group = Assert.Single(groups);
        Assert.Equal("fixture-host", group.HostName);
        Assert.Empty(group.Paths);
        Assert.Equal(all.Select(s => s.Id.Value).Order(), group.Snapshots.Select(s => s.Id.Value).Order());
        Assert.Equal(group.Snapshots.OrderBy(s => s.Time).Select(s => s.Id), group.Snapshots.Select(s => s.Id));
    }

    [Fact]
    public async Task GetSnapshotGroupsAsync_Latest_KeepsTheNewestOfEachGroup_WithoutPassingLatestToRestic()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "snapshots-group-by-host");

        var groups = await runner.CreateClient().GetSnapshotGroupsAsync(SnapshotGrouping.Host | SnapshotGrouping.Tags, new SnapshotsOptions { Filter = new SnapshotFilter { HostNames = ["fixture-host"] }, Latest = 1 });

        Assert.Equal(["snapshots", "--json", "--group-by=host,tags", "--host=fixture-host"], runner.LastArguments);
        var all = await FixtureRunner.Replaying("0.18.0", "snapshots").CreateClient().GetSnapshotsAsync();
        Assert.Equal(all.MaxBy(s => s.Time)!.Id, Assert.Single(Assert.Single(groups).Snapshots).Id);
    }

    [Fact]
    public async Task GetStatsAsync_Restic0190ProgressLinesBeforeTheJson_AreSkipped()
    {
        // restic 0.19.0 printed its new stats progress also with --json (hidden again in 0.19.1); progress
        // lines start with '[' like a JSON array.
        const string Progress = "scanning...\n[0:00] 0 / 2 snapshots\n[0:00] 1 / 2 snapshots, 41 files, 39 blobs\n[0:01] 2 / 2 snapshots, 101 files, 76 blobs\n";
        var restoreSize = Fixture.Load("0.19.1", "stats");
        var raw = Fixture.Load("0.19.1", "stats-raw-data");
        var runner = new FixtureRunner("0.19.1", i => Prefixed(i.Arguments.Contains("--mode=raw-data") ? raw : restoreSize, Progress));

        var stats = await runner.CreateClient().GetStatsAsync();

        var expected = await FixtureRunner.ByVerb("0.19.1", (_, i) => i.Arguments.Contains("--mode=raw-data") ? "stats-raw-data" : "stats").CreateClient().GetStatsAsync();
        Assert.Equal(expected, stats);
        Assert.True(stats.TotalSize > 0);
    }

    private static Fixture Prefixed(Fixture fixture, string text) =>
        fixture with { StandardOutput = [.. System.Text.Encoding.UTF8.GetBytes(text), .. fixture.StandardOutput] };

    [Theory]
    [InlineData("0.14.0", "stats-files-by-contents", "files-by-contents")]
    [InlineData("0.18.0", "stats-blobs-per-file", "blobs-per-file")]
    [InlineData("0.19.1", "stats-blobs-per-file", "blobs-per-file")]
    public async Task GetStatsAsync_OtherMode_RunsOnceWithoutRatio(string version, string scenario, string mode)
    {
        var runner = FixtureRunner.Replaying(version, scenario);
        var client = runner.CreateClient();

        var stats = await client.GetStatsAsync(new StatsOptions { Mode = mode });

        Assert.Equal(mode, stats.Mode.Value);
        Assert.Null(stats.DeduplicationRatio);
        Assert.Equal(2, runner.Invocations.Count); // version + stats
        Assert.Contains("--mode=" + mode, runner.LastArguments);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task InitAsync_Recording_ReadsIdentityFromTheConfig(string version)
    {
        const string Config = "{\n  \"version\": 2,\n  \"id\": \"381d82a555ab14eb256218ca78a78ffef01170ead74e3a39bedf5256b8543fa3\",\n  \"chunker_polynomial\": \"3d8f5b3a16a7c5\"\n}\n";
        var runner = new FixtureRunner(version, i => i.Arguments[0] == "cat" ? Fixture.Inline(Config) : Fixture.Load(version, "init"));
        var client = runner.CreateClient();

        var info = await client.InitAsync();

        Assert.Equal("381d82a555ab14eb256218ca78a78ffef01170ead74e3a39bedf5256b8543fa3", info.Id);
        Assert.Equal(2, info.Version);
        Assert.Equal("3d8f5b3a16a7c5", info.ChunkerPolynomial);
        Assert.Equal(["init", "cat"], runner.Invocations.Skip(1).Select(i => i.Arguments[0]));
    }
}
