using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.State;
using Restic.Net.Samples.WebApi.Tests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// What survives a restart, on SQLite and on a real PostgreSQL server: registered repositories (the
/// same token works), jobs with their results, the audit trail. With PostgreSQL, two instances share
/// it: each sees the other's repositories and jobs, follows a job's progress from either, and cancels it from either.
/// </summary>
public sealed class StateTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact(Timeout = 180000)]
    public Task Restart_OnSqlite_KeepsRepositoriesJobsAndTheAuditTrail() =>
        RestartAsync(root => StateSettings.Sqlite(root.Path));

    [Fact(Timeout = 180000)]
    public async Task Restart_OnPostgreSql_KeepsRepositoriesJobsAndTheAuditTrail()
    {
        var database = await postgres.CreateDatabaseAsync();
        await RestartAsync(root => StateSettings.PostgreSql(root.Path, database));
    }

    [Fact(Timeout = 180000)]
    public async Task TwoInstances_OnPostgreSql_ShareRepositoriesAndJobs_EitherFollowsProgress_AndEitherCancels()
    {
        using var root = new TempDirectory("restic-net-webapi-two-");
        var database = await postgres.CreateDatabaseAsync();
        await using var a = new WebApiFactory(StateSettings.PostgreSql(root.Path, database, "instance-a"), QuickToMarkLost);
        await using var b = new WebApiFactory(StateSettings.PostgreSql(root.Path, database, "instance-b"), QuickToMarkLost);
        var httpA = a.CreateAdminClient();
        var httpB = b.CreateAdminClient();

        var (name, token) = await a.InitAsync(httpA);
        var listed = await httpB.GetAsync("/repositories", null).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(listed.AsArray(), r => r!["name"]!.GetValue<string>() == name);

        // A backup slow enough to be cancelled: 64 GiB of sparse zeros restic has to read.
        var source = a.NewFolder("src");
        using (var big = File.Create(Path.Combine(source, "big.bin")))
        {
            big.SetLength(64L << 30);
        }

        var accepted = await httpA.PostAsync("/backup", new { repository = name, paths = new[] { source }, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted);
        var id = accepted["job_id"]!.GetValue<string>();
        var seenByB = await httpB.GetAsync("/jobs/" + id, null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("instance-a", seenByB["instance"]!.GetValue<string>());
        Assert.Equal("ops-admin", seenByB["started_by"]!.GetValue<string>());

        // B streams the progress A records in the job's row, and shows the latest in the job.
        var eventsUrl = accepted["events_url"]!.GetValue<string>();
        await JobEvents.WaitForProgressAsync(httpB, eventsUrl);
        var running = await httpB.GetAsync("/jobs/" + id, null).ExpectAsync(HttpStatusCode.OK);
        Assert.True(running["progress"]!["bytes_done"]!.GetValue<long>() > 0);

        // A shows B it is alive: past JobLostAfter and a sweep, B has not marked A's job lost.
        await Task.Delay(QuickLostAfter + JobStore.SweepInterval);
        Assert.Equal("running", (await httpB.GetAsync("/jobs/" + id, null).ExpectAsync(HttpStatusCode.OK))["state"]!.GetValue<string>());
        Assert.DoesNotContain(b.Logs.Lines, l => l.Contains("Could not record the progress", StringComparison.Ordinal)); // B's sweeps ran

        var cancel = await httpB.DeleteAsync(Api.Base + "/jobs/" + id).ExpectAsync(HttpStatusCode.Accepted);
        Assert.True(cancel["cancel_requested"]!.GetValue<bool>());
        var followed = await JobEvents.ReadAsync(httpB, eventsUrl); // ends when A has recorded the end
        var final = await WaitForEndAsync(httpB, id);

        Assert.Equal("cancelled", followed[^1].Type);

        Assert.Equal("cancelled", final["state"]!.GetValue<string>());
        var jobs = await httpA.GetAsync("/jobs?page=1&page_size=10", null).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(jobs["jobs"]!.AsArray(), j => j!["job_id"]!.GetValue<string>() == id && j["state"]!.GetValue<string>() == "cancelled");
        var snapshots = await httpB.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, snapshots["count"]!.GetValue<int>()); // cancelled: no snapshot
    }

    [Fact(Timeout = 120000)]
    public Task AJobWhoseInstanceStoppedAnswering_IsMarkedFailedByAnother_AndItsFollowersStreamEnds_OnSqlite() =>
        LostJobAsync(root => StateSettings.Sqlite(root, "instance-b"));

    [Fact(Timeout = 120000)]
    public async Task AJobWhoseInstanceStoppedAnswering_IsMarkedFailedByAnother_AndItsFollowersStreamEnds_OnPostgreSql()
    {
        var database = await postgres.CreateDatabaseAsync();
        await LostJobAsync(root => StateSettings.PostgreSql(root, database, "instance-b"));
    }

    private static async Task LostJobAsync(Func<string, StateSettings> settings)
    {
        using var root = new TempDirectory("restic-net-webapi-lost-");
        await using var b = new WebApiFactory(settings(root.Path), QuickToMarkLost);
        var http = b.CreateAdminClient();
        await http.GetAsync("/jobs", null).ExpectAsync(HttpStatusCode.OK); // starts the app: the schema exists

        // A job of an instance that showed it was alive a moment ago, and then never again.
        var orphan = Guid.NewGuid();
        var created = DateTimeOffset.UtcNow;
        await using (var db = b.Services.GetRequiredService<StateDatabase>().Open())
        {
            db.Jobs.Add(new JobEntity { Id = orphan, Kind = "backup", Repository = "r", State = "Running", StartedBy = "ops-admin", Instance = "instance-gone", CreatedAt = created, HeartbeatAt = created });
            await db.SaveChangesAsync();
        }

        Assert.Equal("running", (await http.GetAsync("/jobs/" + orphan, null).ExpectAsync(HttpStatusCode.OK))["state"]!.GetValue<string>());
        var followed = await JobEvents.ReadAsync(http, $"{Api.Base}/jobs/{orphan}/events"); // ends: the wait is bounded
        var job = await http.GetAsync("/jobs/" + orphan, null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("failed", followed[^1].Type);
        Assert.Equal("Job instance not answering", followed[^1].Data["title"]!.GetValue<string>());
        Assert.Equal("failed", job["state"]!.GetValue<string>());
        Assert.Equal("Job instance not answering", job["error"]!["title"]!.GetValue<string>());
        Assert.Equal("instance-gone", job["instance"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(job["finished_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= created + QuickLostAfter);
        Assert.Contains(b.Logs.Lines, l => l.Contains("running jobs of other instances were marked failed", StringComparison.Ordinal));
        Assert.DoesNotContain(b.Logs.Lines, l => l.Contains("Could not record the progress", StringComparison.Ordinal)); // no sweep failed
    }

    [Fact(Timeout = 120000)]
    public async Task JobsAnInstanceLeftRunning_AreMarkedInterrupted_WhenItStartsAgain()
    {
        using var root = new TempDirectory("restic-net-webapi-interrupted-");
        var state = StateSettings.Sqlite(root.Path);
        var orphan = Guid.NewGuid();
        await using (var first = new WebApiFactory(state))
        {
            var http = first.CreateAdminClient();
            await http.GetAsync("/jobs", null).ExpectAsync(HttpStatusCode.OK); // starts the app: the schema exists
            await using var db = first.Services.GetRequiredService<StateDatabase>().Open();
            db.Jobs.Add(new JobEntity { Id = orphan, Kind = "backup", Repository = "r", State = "Running", StartedBy = "ops-admin", Instance = "instance-a", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var second = new WebApiFactory(state);
        var job = await second.CreateAdminClient().GetAsync("/jobs/" + orphan, null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("failed", job["state"]!.GetValue<string>());
        Assert.Equal("Job interrupted", job["error"]!["title"]!.GetValue<string>());
    }

    private static readonly TimeSpan QuickLostAfter = TimeSpan.FromSeconds(3);

    private static readonly Dictionary<string, string?> QuickToMarkLost = new() { ["State:JobLostAfter"] = "00:00:03" };

    private static async Task RestartAsync(Func<TempDirectory, StateSettings> settings)
    {
        using var root = new TempDirectory("restic-net-webapi-restart-");
        var state = settings(root);
        string name, token, jobId;
        await using (var first = new WebApiFactory(state))
        {
            var http = first.CreateAdminClient();
            (name, token) = await first.InitAsync(http);
            var source = first.NewFolder("src");
            SourceTree.WriteSmallFiles(source, count: 5);
            var accepted = await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted);
            jobId = accepted["job_id"]!.GetValue<string>();
            Assert.Equal("succeeded", (await WaitForEndAsync(http, jobId))["state"]!.GetValue<string>());
        }

        await using var second = new WebApiFactory(state);
        var again = second.CreateAdminClient();

        // The repository is still registered, and the token POST /init gave still opens it.
        var snapshots = await again.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, snapshots["count"]!.GetValue<int>());
        await again.PostAsync("/init", new { name, location = Path.Combine(second.NewFolder("repo"), "r"), password = "x" }).ExpectAsync(HttpStatusCode.Conflict);

        // The job and its result, and who started it.
        var job = await again.GetAsync("/jobs/" + jobId, null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        Assert.Equal(5, job["result"]!["files_new"]!.GetValue<int>());
        Assert.Equal("ops-admin", job["started_by"]!.GetValue<string>());

        // The audit trail of the first run.
        var audit = await again.GetAsync("/audit?page_size=50", null).ExpectAsync(HttpStatusCode.OK);
        var entries = audit["entries"]!.AsArray().Select(e => e!).ToList();
        Assert.Contains(entries, e => e["action"]!.GetValue<string>().EndsWith("/init", StringComparison.Ordinal) && e["result"]!.GetValue<int>() == 201 && e["repository"]!.GetValue<string>() == name && e["user"]!.GetValue<string>() == "ops-admin");
        Assert.Contains(entries, e => e["action"]!.GetValue<string>().EndsWith("/backup", StringComparison.Ordinal) && e["result"]!.GetValue<int>() == 202 && e["job_id"]!.GetValue<string>() == jobId);
    }

    private static async Task<JsonNode> WaitForEndAsync(HttpClient http, string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await http.GetAsync("/jobs/" + jobId, null).ExpectAsync(HttpStatusCode.OK);
            if (job["state"]!.GetValue<string>() != "running" || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(200);
        }
    }
}
