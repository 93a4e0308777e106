using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.Extensions.Options;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.Worker.Scheduling;

namespace Restic.Net.Samples.Worker.Tests;

/// <summary>The worker driven by a fake clock against a real repository.</summary>
public sealed class SchedulingTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 1, 59, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset s_twoAm = new(2026, 1, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _root = new("restic-net-worker-");

    private string Repository => _root.Combine("repo");

    private string Cache => _root.Combine("cache");

    private string Source => _root.Combine("src");

    [Fact(Timeout = 120000)]
    public async Task OneScheduleTick_BacksUp_AppliesRetention_AndSchedulesTheNextDay()
    {
        SourceTree.WriteSmallFiles(Source, count: 20);
        await TestRestic.InitializeAsync(Repository);
        var client = new ResticClient(TestRestic.Options(Repository, Cache));
        for (var day = 3; day >= 1; day--)
        {
            await client.BackupAsync([Source], new BackupOptions { Time = s_start.AddDays(-day) });
        }

        using var worker = Worker(("Backups:Jobs:0:Retention:KeepLast", "2"));
        _ = worker.Services; // starts the host
        Assert.Equal(2, worker.Services.GetRequiredService<IOptions<Configuration.WorkerOptions>>().Value.Jobs[0].Retention?.KeepLast);

        await worker.TickAsync(s_twoAm);
        var run = await worker.History.Finished.ReadAsync();

        Assert.Equal("succeeded", run.Outcome);
        Assert.Equal("documents", run.Task);
        Assert.Equal(s_twoAm, run.ScheduledFor);
        var snapshots = await client.GetSnapshotsAsync();
        Assert.True(run.SnapshotsRemoved == 2, $"{run} / {string.Join(", ", snapshots.Select(s => $"{s.Time:u} {string.Join(' ', s.Paths)}"))}");
        Assert.Equal(2, snapshots.Count);
        var latest = snapshots[^1];
        Assert.True(latest.Id.Matches(SnapshotId.Parse(run.SnapshotId!)));
        Assert.Equal(["nightly"], latest.Tags);
        var target = _root.Combine("restore");
        await client.RestoreAsync(latest.Id, target);
        SourceTree.AssertSameFiles(Source, SourceTree.RestoredPath(target, Source));
        await worker.TickAsync(s_twoAm.AddDays(1)); // waits for tomorrow, not again today
    }

    [Fact(Timeout = 120000)]
    public async Task ShutdownDuringABackup_StopsResticGracefully_LeavingNoLock()
    {
        Directory.CreateDirectory(Source);
        using (var sparse = File.Create(Path.Combine(Source, "sparse.img")))
        {
            sparse.SetLength(64L << 30); // restic reads these zeros for far longer than the test waits
        }

        await TestRestic.InitializeAsync(Repository);
        var worker = Worker();
        var history = worker.History;
        await worker.TickAsync(s_twoAm);
        Assert.Equal("documents", await history.Started.ReadAsync());
        await WaitForProgressAsync(history);

        await worker.DisposeAsync(); // host shutdown
        var run = await history.Finished.ReadAsync();

        Assert.Equal("cancelled", run.Outcome);
        Assert.Empty(await TestRestic.ListLocksAsync(Repository, Cache));
        Assert.Empty(await new ResticClient(TestRestic.Options(Repository, Cache)).GetSnapshotsAsync());
    }

    [Fact(Timeout = 60000)]
    public async Task HealthEndpoint_ReportsTheRepositoryAndTheSchedule()
    {
        await TestRestic.InitializeAsync(Repository);
        using var worker = Worker();

        using var response = await worker.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("healthy", report["status"]!.GetValue<string>());
        var checks = report["checks"]!.AsArray().Select(c => c!).ToList();
        Assert.Equal("healthy", checks.Single(c => c["name"]!.GetValue<string>() == "schedule")["status"]!.GetValue<string>());
        var repository = checks.Single(c => c["name"]!.GetValue<string>() != "schedule");
        Assert.Equal("healthy", repository["status"]!.GetValue<string>());
        Assert.Equal(0, repository["data"]!["snapshots"]!.GetValue<int>()); // the library's check data, visible
        Assert.Contains("readable", repository["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSchedule_OrUnknownRepository_FailsTheHostAtStart()
    {
        using var worker = Worker(("Backups:Jobs:0:Schedule", "at two"), ("Backups:Checks:0:Repository", "elsewhere"), ("Backups:Checks:0:Schedule", "0 4 * * 0"));

        var ex = Assert.Throws<OptionsValidationException>(() => worker.Services);

        Assert.Contains(ex.Failures, f => f.Contains("Schedule 'at two' is not a cron expression", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Repository 'elsewhere' is not configured", StringComparison.Ordinal));
    }

    [Fact]
    public void ResticSyntaxInTheConfiguration_ReachesTheLibrarysTypes_AndAValueResticWouldRefuseFailsTheHostAtStart()
    {
        using var worker = Worker(
            ("Backups:Checks:0:Repository", "main"), ("Backups:Checks:0:Schedule", "0 4 * * 0"), ("Backups:Checks:0:ReadDataSubset", "5%"),
            ("Backups:Jobs:0:Retention:KeepWithin", "1y6m"));

        var options = worker.Services.GetRequiredService<IOptions<Configuration.WorkerOptions>>().Value;

        Assert.Equal(ReadDataSubset.Percent(5), options.Checks[0].ToSubset());
        Assert.Equal(new ResticDuration(1, 6, 0, 0), options.Jobs[0].Retention!.ToPolicy().KeepWithin);

        // Bound as the library's type, "half" would make the binder drop the check silently: the validator names it instead.
        using var invalid = Worker(
            ("Backups:Checks:0:Repository", "main"), ("Backups:Checks:0:Schedule", "0 4 * * 0"), ("Backups:Checks:0:ReadDataSubset", "half"),
            ("Backups:Jobs:0:Retention:KeepWithin", "18 months"));
        var ex = Assert.Throws<OptionsValidationException>(() => invalid.Services);
        Assert.Contains(ex.Failures, f => f.Contains("Backups:Checks:0: ReadDataSubset 'half'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Retention:KeepWithin '18 months'", StringComparison.Ordinal));
    }

    public void Dispose() => _root.Dispose();

    private WorkerFactory Worker(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Backups:Jobs:0:Name"] = "documents",
            ["Backups:Jobs:0:Repository"] = "main",
            ["Backups:Jobs:0:Sources:0"] = Source,
            ["Backups:Jobs:0:Tags:0"] = "nightly",
            ["Backups:Jobs:0:Schedule"] = "0 2 * * *",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new WorkerFactory(Repository, Cache, s_start, settings);
    }

    // Cancelled once restic is reading data, as a real shutdown would find it.
    private static async Task WaitForProgressAsync(RunHistory history)
    {
        for (var i = 0; i < 200; i++)
        {
            if (history.Running.TryGetValue("documents", out var progress) && progress.BytesDone > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the scheduled backup reported no progress within 20 s");
    }
}
