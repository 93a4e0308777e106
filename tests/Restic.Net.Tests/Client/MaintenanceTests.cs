using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class MaintenanceTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ForgetAsync_Recording_ListsKeptRemovedAndReasons(string version)
    {
        var client = FixtureRunner.Replaying(version, "forget").CreateClient();

        var result = await client.ForgetAsync(RetentionPolicy.Default);

        var group = Assert.Single(result.Groups);
        Assert.Equal("fixture-host", group.HostName);
        Assert.NotEmpty(group.Keep);
        Assert.Single(group.Remove);
        Assert.Equal(group.Keep.Count, group.Reasons.Count);
        Assert.Contains(group.Reasons, r => r.Matches.Contains("daily snapshot"));
        // restic names the kept snapshot from 0.17 on; before, the client matches it by time.
        Assert.All(group.Reasons, r => Assert.Contains(group.Keep, k => k.Time == r.SnapshotTime && k.Id == r.SnapshotId));
        Assert.Null(result.Prune);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task PruneAsync_Recording_ParsesTheStatisticsBlock(string version)
    {
        var client = FixtureRunner.Replaying(version, "prune").CreateClient();

        var result = await client.PruneAsync();

        Assert.Equal(10, result.RepackBlobs);
        Assert.Equal(6, result.RemovedBlobs);
        Assert.Equal(0, result.DeletedBytes);
        Assert.Equal(6, result.TotalPrunedBlobs);
        Assert.Equal((long)Math.Round(32.307 * 1024 * 1024), result.RemainingBytes);
        Assert.Equal((long)Math.Round(1.076 * 1024), result.UnusedBytesAfterPrune);
        Assert.DoesNotContain(result.Output, l => l.StartsWith("[0:00]"));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task CheckAsync_HealthyRepository_ReportsNoErrors(string version)
    {
        var client = FixtureRunner.Replaying(version, "check").CreateClient();

        var result = await client.CheckAsync();

        Assert.True(result.IsHealthy);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task CheckAsync_CorruptRepository_ReturnsTheErrorsInsteadOfThrowing(string version)
    {
        var client = FixtureRunner.Replaying(version, "check-corrupt").CreateClient();

        var result = await client.CheckAsync(new CheckOptions { ReadData = true });

        Assert.False(result.IsHealthy);
        Assert.True(result.ErrorCount >= 1);
        Assert.Contains(result.Errors, e => e.Contains("does not match") || e.Contains("contains 2 errors"));
        if (version == "0.14.0")
        {
            Assert.Null(result.BrokenPacks); // 0.14 reports no broken packs apart from its errors
        }
        else
        {
            Assert.Single(result.BrokenPacks!);
        }
    }

    [Theory]
    [InlineData("0.14.0", "unlock")]
    [InlineData("0.18.0", "unlock")]
    [InlineData("0.19.1", "unlock")]
    [InlineData("0.18.0", "unlock-stale")]
    public async Task UnlockAsync_NoLockListedBefore_ReportsNoneRemoved_WhateverResticPrints(string version, string scenario)
    {
        // No lock listed before or after. 0.18's "successfully removed 1 locks" (unlock-stale) names a lock the client
        // never saw (one created after the listing): Removed lists the locks the client saw go, so it stays empty.
        var client = new FixtureRunner(version, i => i.Arguments[0] == "list" ? Fixture.Inline("") : Fixture.Load(version, scenario)).CreateClient();

        var result = await client.UnlockAsync(new UnlockOptions { RemoveAll = scenario == "unlock-stale" });

        Assert.Empty(result.Removed);
    }

    [Theory]
    [InlineData("0.14.0")] // prints no count
    [InlineData("0.18.0")] // prints "successfully removed 1 locks"
    [InlineData("0.19.1")] // prints nothing at all with --json
    public async Task UnlockAsync_OnEveryVersion_ListsTheLocksThatDisappeared(string version)
    {
        var listed = 0;
        var runner = FixtureRunner.ByVerb(version, (verb, _) => verb switch
        {
            "list locks" => ++listed == 1 ? "list-locks" : "list-locks-after-cancel",
            "cat lock" => "cat-lock",
            _ => "unlock-stale",
        });

        var result = await runner.CreateClient().UnlockAsync(new UnlockOptions { RemoveAll = true });

        Assert.Single(result.Removed);
    }

    [Fact]
    public async Task ForgetAsync_WithPruneAndPruneText_ParsesThePruneThatFollowsTheJson()
    {
        var forget = Fixture.Load("0.18.0", "forget");
        var prune = Fixture.Load("0.18.0", "prune");
        var runner = new FixtureRunner("0.18.0", _ => forget with { StandardOutput = [.. forget.StandardOutput, .. prune.StandardOutput] });

        var result = await runner.CreateClient().ForgetAsync(RetentionPolicy.Default, new ForgetOptions { Prune = true });

        Assert.Single(result.Removed);
        Assert.NotNull(result.Prune);
        var remaining = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.UTF8.GetString(prune.StandardOutput), @"remaining:\s+(\d+) blobs");
        Assert.Equal(long.Parse(remaining.Groups[1].Value), result.Prune!.RemainingBlobs);
        Assert.Contains("--prune", runner.LastArguments);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ForgetAsync_WithPruneOnRestic019_PlansWithJsonThenRemovesExactlyThosePlannedAndReadsPrunesText(bool dryRun)
    {
        // restic 0.19 prints no prune report with --json: plan, then "forget --prune ID..." in text mode.
        var plan = Fixture.Load("0.19.1", "forget-dry-run");
        var prune = Fixture.Load("0.19.1", dryRun ? "prune-dry-run" : "prune");
        var runner = new FixtureRunner("0.19.1", i => i.Arguments.Contains("--json") ? plan : prune);

        var result = await runner.CreateClient().ForgetAsync(new RetentionPolicy { KeepLast = 1 }, new ForgetOptions { Prune = true, DryRun = dryRun });

        Assert.Equal(2, runner.Commands.Count);
        Assert.Equal(["forget", "--json", "--keep-last=1", "--dry-run"], runner.Commands[0]);
        var planned = result.Removed.Select(s => s.Id.Value).ToArray();
        Assert.Equal(3, planned.Length);
        Assert.Equal((string[])["forget", "--prune", .. (dryRun ? ["--dry-run"] : Array.Empty<string>()), "--", .. planned], runner.Commands[1]);
        Assert.Equal(dryRun, result.IsDryRun);
        Assert.True(result.IsComplete);
        var remaining = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.UTF8.GetString(prune.StandardOutput), @"remaining:\s+(\d+) blobs");
        Assert.Equal(long.Parse(remaining.Groups[1].Value), result.Prune!.RemainingBlobs);
        Assert.Equal(dryRun, result.Prune.IsDryRun);
    }

    [Fact]
    public async Task ForgetAsync_WithPruneOnRestic019NothingToRemove_RunsOnlyThePlan()
    {
        var empty = Fixture.Inline("[]\n");
        var runner = new FixtureRunner("0.19.1", _ => empty);

        var result = await runner.CreateClient().ForgetAsync(new RetentionPolicy { KeepLast = 1 }, new ForgetOptions { Prune = true });

        Assert.Single(runner.Commands);
        Assert.Null(result.Prune);
        Assert.False(result.IsDryRun);
    }

    [Theory]
    [InlineData("0.18.0", 0)] // removal failures did not change the exit code
    [InlineData("0.19.1", 3)]
    public async Task ForgetAsync_SomeSnapshotsCouldNotBeRemoved_IsIncompleteAndNamesThem(string version, int exitCode)
    {
        var forget = Fixture.Load(version, "forget");
        var planned = (await FixtureRunner.Replaying(version, "forget").CreateClient().ForgetAsync(RetentionPolicy.Default)).Removed.Single().Id.Value;
        var stderr = $"Remove(<snapshot/{planned[..10]}>) failed: unexpected HTTP response (403): 403 Forbidden\nunable to remove snapshot/{planned} from the repository\n" +
            (exitCode == 3 ? "{\"message_type\":\"exit_error\",\"code\":3,\"message\":\"failed to remove one or more snapshots\"}\n" : "");
        var runner = new FixtureRunner(version, _ => forget with { StandardError = stderr, ExitCode = exitCode });

        var result = await runner.CreateClient().ForgetAsync(RetentionPolicy.Default);

        Assert.False(result.IsComplete);
        Assert.Equal(planned, Assert.Single(result.NotRemoved).Value);
        Assert.Contains(result.Removed, s => s.Id.Value == planned);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    public async Task ForgetAsync_WithPruneButNothingRemoved_HasNoPruneResult(string version)
    {
        // restic prunes only when forget removed a snapshot: the recorded groups with their removals dropped.
        var forget = Fixture.Load(version, "forget");
        var kept = System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(forget.StandardOutput), @",""remove"":\[.*?\],""reasons""", @",""remove"":null,""reasons""");
        var client = new FixtureRunner(version, _ => forget with { StandardOutput = System.Text.Encoding.UTF8.GetBytes(kept) }).CreateClient();

        var result = await client.ForgetAsync(RetentionPolicy.Default, new ForgetOptions { Prune = true });

        Assert.Empty(result.Removed);
        Assert.Null(result.Prune);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    public async Task ForgetAsync_WithPrune_RemovedSnapshotsButNoPruneReport_IsCutOutput(string version)
    {
        // The recording was made without --prune: a forget that removed one snapshot and printed no prune report.
        var client = FixtureRunner.Replaying(version, "forget").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => client.ForgetAsync(RetentionPolicy.Default, new ForgetOptions { Prune = true }));

        Assert.Contains("printed no prune statistics", ex.Message);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ForgetAsync_NothingPrinted_IsNothingMatched(string version)
    {
        // restic prints nothing at all when no snapshot matched the filter: that, and only that, is an empty result.
        var client = new FixtureRunner(version, _ => Fixture.Inline("")).CreateClient();

        var result = await client.ForgetAsync(RetentionPolicy.Default);

        Assert.Empty(result.Groups);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task ForgetAsync_EmptyPolicyOrNegativeCount_ThrowsBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "forget");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.ForgetAsync(new RetentionPolicy()));
        // Counts of 0 are no rule to restic either ("no policy was specified").
        await Assert.ThrowsAsync<ArgumentException>(() => client.ForgetAsync(new RetentionPolicy { KeepDaily = 0, KeepWeekly = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ForgetAsync(new RetentionPolicy { KeepLast = -1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CheckAsync(new CheckOptions { ReadData = true, ReadDataSubset = ReadDataSubset.Part(1, 5) }));
        Assert.Empty(runner.Invocations);
    }

    [Fact]
    public async Task SyntaxValuesAndSizesResticWouldRefuse_ThrowBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "check");
        var client = runner.CreateClient();

        // default(T) of the value types names nothing: an unset field copied into options.
        Assert.Equal("ReadDataSubset", (await Assert.ThrowsAsync<ArgumentException>(() => client.CheckAsync(new CheckOptions { ReadDataSubset = default(ReadDataSubset) }))).ParamName);
        Assert.Equal("MaxUnused", (await Assert.ThrowsAsync<ArgumentException>(() => client.PruneAsync(new PruneOptions { MaxUnused = default(MaxUnused) }))).ParamName);
        Assert.Equal("KeepWithinDaily", (await Assert.ThrowsAsync<ArgumentException>(() => client.ForgetAsync(new RetentionPolicy { KeepLast = 1, KeepWithinDaily = default(ResticDuration) }))).ParamName);
        Assert.Equal("RepositoryVersion", (await Assert.ThrowsAsync<ArgumentException>(() => client.InitAsync(new InitOptions { RepositoryVersion = "lates" }))).ParamName);

        // Sizes are bytes above 0.
        Assert.Equal("MaxRepackSize", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PruneAsync(new PruneOptions { MaxRepackSize = 0 }))).ParamName);
        Assert.Equal("ExcludeLargerThan", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.BackupAsync(["/d"], new BackupOptions { ExcludeLargerThan = -1 }))).ParamName);
        Assert.Empty(runner.Invocations);
    }

    [Fact]
    public async Task ADurationAlone_IsAPolicy_AndReachesRestic()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "forget");

        await runner.CreateClient().ForgetAsync(new RetentionPolicy { KeepWithin = ResticDuration.Parse("1y6m") });

        Assert.Equal(["forget", "--json", "--keep-within=1y6m"], runner.LastArguments);
    }

    [Fact]
    public async Task GetSnapshotsAsync_WithLatest_PassesIt()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "snapshots");

        await runner.CreateClient().GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["nightly"] }, Latest = 1 });

        Assert.Contains("--latest=1", runner.LastArguments);
        Assert.Contains("--tag=nightly", runner.LastArguments);
    }
}
