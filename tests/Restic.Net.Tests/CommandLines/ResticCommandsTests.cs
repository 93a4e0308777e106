using Restic.Net.CommandLines;
using Restic.Net.Execution;

namespace Restic.Net.Tests.CommandLines;

/// <summary>Golden argv tests: the exact argument list of every operation.</summary>
public class ResticCommandsTests
{
    private static readonly ResticCapabilities s_v018 = new(new Version(0, 18, 0));
    private static readonly ResticCapabilities s_v014 = new(new Version(0, 14, 0));

    private static ResticSettings Settings(Action<ResticClientOptions>? configure = null)
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/repo"), Password = ResticPassword.FromValue("pw") };
        configure?.Invoke(options);
        return new ResticSettings(options);
    }

    private static string[] Argv(ResticCommand command, ResticCapabilities? capabilities = null, Action<ResticClientOptions>? configure = null) =>
        command.ToArguments(Settings(configure), capabilities ?? s_v018).ToArray();

    [Fact]
    public void Backup_AllOptions_ProducesGoldenArgv()
    {
        var options = new BackupOptions
        {
            Paths = ["/data", "-weird"],
            Tags = ["daily", "db"],
            Excludes = ["*.tmp"],
            CaseInsensitiveExcludes = ["*.LOG"],
            ExcludeFiles = ["/etc/excludes"],
            ExcludeCaches = true,
            ExcludeLargerThan = 1L << 30,
            OneFileSystem = true,
            HostName = "web-1",
            Parent = SnapshotReference.Parse("abcdef12"),
            Force = true,
            DryRun = true,
            IncludeFileEvents = true,
        };

        Assert.Equal(
            ["backup", "--json", "--tag=daily", "--tag=db", "--host=web-1", "--parent=abcdef12", "--dry-run",
             "--exclude=*.tmp", "--iexclude=*.LOG", "--exclude-file=/etc/excludes", "--exclude-caches", "--exclude-larger-than=1073741824",
             "--one-file-system", "--force", "--verbose", "--", "/data", "-weird"],
            Argv(ResticCommands.Backup(options)));
    }

    [Fact]
    public void Backup_Minimal_PutsPathsAfterDoubleDash()
    {
        Assert.Equal(["backup", "--json", "--", "/data"], Argv(ResticCommands.Backup(new BackupOptions { Paths = ["/data"] })));
    }

    [Fact]
    public void Backup_Time_IsFormattedForRestic()
    {
        var time = new DateTimeOffset(2024, 7, 26, 10, 11, 12, TimeSpan.Zero);
        var argv = Argv(ResticCommands.Backup(new BackupOptions { Paths = ["/d"], Time = time }));
        Assert.Contains("--time=" + time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), argv);
    }

    [Fact]
    public void GlobalFlags_WithoutCacheExtendedOptionsAndRetryLock_ComeBeforeCommandFlags()
    {
        var repository = new GenericRepository("s3:http://127.0.0.1:9000/bucket") { Options = new Dictionary<string, string> { ["s3.region"] = "eu-1" } };
        var argv = Argv(ResticCommands.Snapshots(new SnapshotFilter(), 3), s_v018, o =>
        {
            o.Repository = repository;
            o.UseCache = false;
            o.LockWaitTimeout = TimeSpan.FromMinutes(2);
        });

        Assert.Equal(["snapshots", "--json", "--no-cache", "--option=s3.region=eu-1", "--retry-lock=120s", "--latest=3"], argv);
    }

    [Fact]
    public void RetryLock_OnRestic014_IsNotPassed()
    {
        var argv = Argv(ResticCommands.Snapshots(new SnapshotFilter(), null), s_v014, o => o.LockWaitTimeout = TimeSpan.FromMinutes(2));
        Assert.Equal(["snapshots", "--json"], argv);
    }

    [Fact]
    public void Snapshots_Filter_ProducesGoldenArgv()
    {
        var filter = new SnapshotFilter { HostNames = ["h1"], Tags = ["a,b", "c"], Paths = ["/data"] };
        Assert.Equal(["snapshots", "--json", "--host=h1", "--tag=a,b", "--tag=c", "--path=/data"], Argv(ResticCommands.Snapshots(filter, null)));
    }

    [Fact]
    public void Restore_AllOptions_ProducesGoldenArgv()
    {
        var options = new RestoreOptions
        {
            Snapshot = SnapshotReference.Latest,
            Target = "/target",
            Includes = ["/data/a"],
            Excludes = ["*.tmp"],
            Verify = true,
            Filter = new SnapshotFilter { HostNames = ["h1"] },
            IncludeFileEvents = true,
        };

        Assert.Equal(
            ["restore", "--json", "--target=/target", "--include=/data/a", "--exclude=*.tmp", "--verify", "--host=h1", "--verbose=2", "--", "latest"],
            Argv(ResticCommands.Restore(options, s_v018)));
        Assert.DoesNotContain("--verbose=2", Argv(ResticCommands.Restore(options, s_v014), s_v014));
    }

    [Fact]
    public void Restore_Overwrite_IsPassedFrom017_AndLeftOutBefore()
    {
        var v017 = new ResticCapabilities(new Version(0, 17, 0));
        var options = new RestoreOptions { Snapshot = SnapshotReference.Latest, Target = "/t", Overwrite = RestoreOverwritePolicy.IfChanged };

        Assert.Equal(["restore", "--json", "--target=/t", "--overwrite=if-changed", "--", "latest"], Argv(ResticCommands.Restore(options, v017), v017));
        Assert.Equal(["restore", "--json", "--target=/t", "--overwrite=never", "--", "latest"], Argv(ResticCommands.Restore(options with { Overwrite = RestoreOverwritePolicy.Never }, s_v018)));
        Assert.Equal(["restore", "--json", "--target=/t", "--", "latest"], Argv(ResticCommands.Restore(options with { Overwrite = null }, s_v018)));

        // restic before 0.17 has no flag: it always overwrites, which the client allows only for Always.
        Assert.Equal(["restore", "--json", "--target=/t", "--", "latest"], Argv(ResticCommands.Restore(options with { Overwrite = RestoreOverwritePolicy.Always }, s_v014), s_v014));
    }

    [Fact]
    public void Forget_FullPolicy_ProducesGoldenArgv()
    {
        var policy = new RetentionPolicy
        {
            KeepLast = 1, KeepHourly = 2, KeepDaily = 7, KeepWeekly = 4, KeepMonthly = 6, KeepYearly = 2,
            KeepWithin = ResticDuration.FromYears(1), KeepWithinHourly = ResticDuration.FromDays(1), KeepWithinDaily = ResticDuration.FromDays(7),
            KeepWithinWeekly = ResticDuration.FromMonths(1), KeepWithinMonthly = new ResticDuration(1, 6, 0, 12), KeepWithinYearly = ResticDuration.Parse("5y"),
            KeepTags = ["keep"],
        };
        var options = new ForgetOptions { Policy = policy, GroupBy = SnapshotGrouping.Host | SnapshotGrouping.Tags, Filter = new SnapshotFilter { Tags = ["db"] }, Prune = true, DryRun = true };

        Assert.Equal(
            ["forget", "--json", "--keep-last=1", "--keep-hourly=2", "--keep-daily=7", "--keep-weekly=4", "--keep-monthly=6", "--keep-yearly=2",
             "--keep-within=1y", "--keep-within-hourly=1d", "--keep-within-daily=7d", "--keep-within-weekly=1m", "--keep-within-monthly=1y6m12h",
             "--keep-within-yearly=5y", "--keep-tag=keep", "--group-by=host,tags", "--tag=db", "--prune", "--dry-run"],
            Argv(ResticCommands.Forget(options)));
    }

    [Fact]
    public void Forget_DefaultPolicy_IsTheOpsConsoleDefault()
    {
        Assert.Equal(
            ["forget", "--json", "--keep-daily=7", "--keep-weekly=4", "--keep-monthly=6", "--keep-yearly=2"],
            Argv(ResticCommands.Forget(new ForgetOptions { Policy = RetentionPolicy.Default })));
    }

    [Fact]
    public void Restic019Options_ProduceGoldenArgv()
    {
        var v019 = new ResticCapabilities(new Version(0, 19, 1));

        // 0.19 repacks small packs by default and warns about the deprecated flag.
        Assert.Equal(["prune", "--json"], Argv(ResticCommands.Prune(new PruneOptions { RepackSmall = true }, v019)));
        Assert.Equal(
            ["check", "--json", "--read-data", "--host=h", "--tag=t", "--", "abcd1234"],
            Argv(ResticCommands.Check(new CheckOptions { ReadData = true, Snapshots = [SnapshotReference.Parse("abcd1234")], Filter = new SnapshotFilter { HostNames = ["h"], Tags = ["t"] } })));
        Assert.Equal(
            ["rewrite", "--json", "--include=/keep", "--iinclude=*.TXT", "--include-file=/list", "--forget"],
            Argv(ResticCommands.Rewrite(SnapshotSelection.All, new RewriteOptions { Includes = ["/keep"], CaseInsensitiveIncludes = ["*.TXT"], IncludeFiles = ["/list"], Forget = true })));
        Assert.Equal(
            ["restore", "--json", "--target=/t", "--ownership-by-name", "--", "latest"],
            Argv(ResticCommands.Restore(new RestoreOptions { Snapshot = SnapshotReference.Latest, Target = "/t", OwnershipByName = true }, v019)));
        Assert.Equal(
            ["snapshots", "--json", "--compression=fastest"],
            Argv(ResticCommands.Snapshots(new SnapshotFilter(), null), v019, o => o.Compression = ResticCompression.Fastest));
    }

    [Fact]
    public void ResticHost_NamesTheHostOfBackupsOnly_AndNeverReachesRestic()
    {
        void Configure(ResticClientOptions o) => o.EnvironmentVariables["RESTIC_HOST"] = "from-env";
        var settings = Settings(Configure);

        Assert.Equal(["backup", "--json", "--host=from-env", "--", "/src"], Argv(ResticCommands.Backup(new BackupOptions { Paths = ["/src"] }), configure: Configure));
        Assert.Equal(["backup", "--json", "--host=mine", "--", "/src"], Argv(ResticCommands.Backup(new BackupOptions { Paths = ["/src"], HostName = "mine" }), configure: Configure));
        Assert.Equal(["snapshots", "--json"], Argv(ResticCommands.Snapshots(new SnapshotFilter(), null), configure: Configure));

        // Removed (null) from the child's environment, so an inherited RESTIC_HOST cannot filter either.
        Assert.True(settings.RepositoryEnvironment.TryGetValue("RESTIC_HOST", out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Prune_Check_Stats_Unlock_Init_ProduceGoldenArgv()
    {
        Assert.Equal(
            ["prune", "--json", "--dry-run", "--max-unused=10%", "--max-repack-size=2147483648", "--repack-cacheable-only", "--repack-small", "--repack-uncompressed"],
            Argv(ResticCommands.Prune(new PruneOptions { DryRun = true, MaxUnused = MaxUnused.Percent(10), MaxRepackSize = 2L << 30, RepackCacheableOnly = true, RepackSmall = true, RepackUncompressed = true }, new ResticCapabilities(new Version(0, 18, 0)))));
        Assert.Equal(["check", "--json", "--read-data", "--with-cache"], Argv(ResticCommands.Check(new CheckOptions { ReadData = true, WithCache = true })));
        Assert.Equal(["check", "--json", "--read-data-subset=1/5"], Argv(ResticCommands.Check(new CheckOptions { ReadDataSubset = ReadDataSubset.Part(1, 5) })));
        Assert.Equal(
            ["stats", "--json", "--mode=raw-data", "--host=h", "--", "latest"],
            Argv(ResticCommands.Stats(new StatsOptions { Snapshots = [SnapshotReference.Latest], Filter = new SnapshotFilter { HostNames = ["h"] } }, StatsMode.RawData)));
        Assert.Equal(["unlock", "--json", "--remove-all"], Argv(ResticCommands.Unlock(new UnlockOptions { RemoveAll = true })));
        Assert.Equal(["init", "--json", "--repository-version=2"], Argv(ResticCommands.Init(new InitOptions { RepositoryVersion = RepositoryVersion.V2 })));
        Assert.Equal(["init", "--json", "--repository-version=stable"], Argv(ResticCommands.Init(new InitOptions { RepositoryVersion = RepositoryVersion.Stable })));
        Assert.Equal(["cat", "config", "--json"], Argv(ResticCommands.CatConfig()));
    }

    [Fact]
    public void Environment_CarriesRepositoryPasswordAndProgressRate_AndRemovesInheritedResticVariables()
    {
        Environment.SetEnvironmentVariable("RESTIC_HOST", "inherited-host-for-test");
        var settings = Settings(o => o.CacheDirectory = "/cache");

        Assert.Equal("/repo", settings.RepositoryEnvironment["RESTIC_REPOSITORY"]);
        Assert.Equal("pw", settings.RepositoryEnvironment["RESTIC_PASSWORD"]);
        Assert.Equal("2", settings.RepositoryEnvironment["RESTIC_PROGRESS_FPS"]);
        Assert.Equal("/cache", settings.RepositoryEnvironment["RESTIC_CACHE_DIR"]);
        Assert.True(settings.RepositoryEnvironment.ContainsKey("RESTIC_HOST"));
        Assert.Null(settings.RepositoryEnvironment["RESTIC_HOST"]);
        Assert.False(settings.VersionEnvironment.ContainsKey("RESTIC_PASSWORD"));

        // Inherited, RESTIC_HOST becomes the host of backups and is still kept from filtering other commands.
        var inheriting = Settings(o => o.InheritEnvironment = true);
        Assert.Null(inheriting.RepositoryEnvironment["RESTIC_HOST"]);
        Assert.Equal("inherited-host-for-test", inheriting.DefaultBackupHost);
    }

    [Fact]
    public void Environment_IsAnAllowList_UnrelatedSecretsOfTheHostAreRemovedButPathIsKept()
    {
        Environment.SetEnvironmentVariable("RESTIC_NET_UNIT_APP_DB_PASSWORD_X", "host-secret");
        Environment.SetEnvironmentVariable("LC_RESTIC_NET_UNIT", "C");
        var settings = Settings();

        Assert.Null(settings.RepositoryEnvironment["RESTIC_NET_UNIT_APP_DB_PASSWORD_X"]);
        Assert.Null(settings.VersionEnvironment["RESTIC_NET_UNIT_APP_DB_PASSWORD_X"]);
        Assert.False(settings.RepositoryEnvironment.ContainsKey("PATH")); // inherited as it is
        Assert.False(settings.RepositoryEnvironment.ContainsKey("LC_RESTIC_NET_UNIT"));
        Assert.False(Settings(o => o.InheritEnvironment = true).RepositoryEnvironment.ContainsKey("RESTIC_NET_UNIT_APP_DB_PASSWORD_X"));
    }

    [Theory]
    [InlineData("FromFile", "RESTIC_PASSWORD_FILE")]
    [InlineData("FromCommand", "RESTIC_PASSWORD_COMMAND")]
    public void PasswordSources_UseTheirOwnVariable(string source, string variable)
    {
        var password = source == "FromFile" ? ResticPassword.FromFile("/secrets/pw") : ResticPassword.FromCommand("pass show restic");
        var settings = Settings(o => o.Password = password);

        Assert.Equal(source == "FromFile" ? "/secrets/pw" : "pass show restic", settings.RepositoryEnvironment[variable]);
        Assert.False(settings.RepositoryEnvironment.ContainsKey("RESTIC_PASSWORD"));
    }

    [Fact]
    public void ProgressInterval_IsTranslatedToFramesPerSecond()
    {
        Assert.Equal("0.2", Settings(o => o.ProgressInterval = TimeSpan.FromSeconds(5)).RepositoryEnvironment["RESTIC_PROGRESS_FPS"]);
        Assert.Equal("60", Settings(o => o.ProgressInterval = TimeSpan.FromMilliseconds(1)).RepositoryEnvironment["RESTIC_PROGRESS_FPS"]);
    }

    [Theory]
    [InlineData("1/5", "1/5")]
    [InlineData("5/5", "5/5")]
    [InlineData("10%", "10%")]
    [InlineData("2.5%", "2.5%")]
    [InlineData("100%", "100%")]
    [InlineData("500m", "500M")]
    [InlineData("1G", "1G")]
    [InlineData("1000b", "1000B")]
    public void CheckOptions_ReadDataSubset_IsPassedInResticsSyntax(string parsed, string passed)
    {
        Assert.Equal(["check", "--json", "--read-data-subset=" + passed], Argv(ResticCommands.Check(new CheckOptions { ReadDataSubset = ReadDataSubset.Parse(parsed) })));
    }

    [Fact]
    public void CheckOptions_ReadDataSubsetFactories_ArePassedInResticsSyntax()
    {
        Assert.Equal(["check", "--json", "--read-data-subset=0.5%"], Argv(ResticCommands.Check(new CheckOptions { ReadDataSubset = ReadDataSubset.Percent(0.5) })));
        Assert.Equal(["check", "--json", "--read-data-subset=3/7"], Argv(ResticCommands.Check(new CheckOptions { ReadDataSubset = ReadDataSubset.Part(3, 7) })));
        Assert.Equal(["check", "--json", "--read-data-subset=500M"], Argv(ResticCommands.Check(new CheckOptions { ReadDataSubset = ReadDataSubset.Bytes(500L << 20) })));
    }

    [Theory]
    [InlineData("unlimited", "unlimited")]
    [InlineData("0%", "0%")]
    [InlineData("2.5%", "2.5%")]
    [InlineData("1073741824", "1G")]
    [InlineData("1g", "1G")]
    [InlineData("0", "0B")]
    [InlineData("1000", "1000B")]
    public void PruneOptions_MaxUnused_IsPassedInResticsSyntax(string parsed, string passed)
    {
        var argv = Argv(ResticCommands.Prune(new PruneOptions { MaxUnused = MaxUnused.Parse(parsed) }, new ResticCapabilities(new Version(0, 18, 0))));

        Assert.Equal(["prune", "--json", "--max-unused=" + passed], argv);
    }

    [Fact]
    public void Sizes_ArePassedAsPlainByteCounts()
    {
        // restic 0.14+ reads a plain number for --exclude-larger-than and --max-repack-size (measured); no unit to round to.
        Assert.Contains("--exclude-larger-than=1500", Argv(ResticCommands.Backup(new BackupOptions { Paths = ["/d"], ExcludeLargerThan = 1500 })));
        Assert.Contains("--max-repack-size=1", Argv(ResticCommands.Prune(new PruneOptions { MaxRepackSize = 1 }, new ResticCapabilities(new Version(0, 14, 0)))));
    }
}
