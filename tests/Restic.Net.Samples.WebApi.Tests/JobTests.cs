using System.Net;
using System.Text.Json.Nodes;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.Tests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>Backups and restores as jobs: state, server-sent events, and cancellation that leaves no lock.</summary>
public sealed class JobTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact(Timeout = 120000)]
    public async Task BackupAndRestoreJobs_StreamTheirEvents_AndEndWithTheResult()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 50);
        SourceTree.WriteLargeFile(Path.Combine(source, "large.bin"), megabytes: 64);

        var accepted = await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted);
        var events = await JobEvents.ReadAsync(http, accepted["events_url"]!.GetValue<string>());
        var job = await http.GetAsync("/jobs/" + accepted["job_id"], null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("running", accepted["state"]!.GetValue<string>());
        Assert.Equal("completed", events[^1].Type);
        Assert.All(events[..^1], e => Assert.Equal("progress", e.Type));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        var snapshotId = job["result"]!["snapshot_id"]!.GetValue<string>();
        Assert.Equal(snapshotId, events[^1].Data["snapshot_id"]!.GetValue<string>());
        Assert.Equal(51, job["result"]!["files_new"]!.GetValue<int>());

        var target = factory.NewFolder("restore");
        var restore = await http.PostAsync($"/restore/{snapshotId}", new { repository = name, target_path = target, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted);
        var restoreEvents = await JobEvents.ReadAsync(http, restore["events_url"]!.GetValue<string>());

        Assert.Equal("completed", restoreEvents[^1].Type);
        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(target, source));
    }

    [Fact(Timeout = 120000)]
    public async Task CancellingABackupJob_StopsResticGracefully_LeavingNoLockAndNoSnapshot()
    {
        var http = factory.CreateAdminClient();
        var location = Path.Combine(factory.NewFolder("repo"), "r");
        var init = await http.PostAsync("/init", new { name = "cancel-" + Guid.NewGuid().ToString("N")[..6], location, password = TestRestic.Password }).ExpectAsync(HttpStatusCode.Created);
        var (name, token) = (init["repository"]!.GetValue<string>(), init["password_token"]!.GetValue<string>());
        var source = factory.NewFolder("src");
        using (var sparse = File.Create(Path.Combine(source, "sparse.img")))
        {
            sparse.SetLength(64L << 30); // 64 GiB of holes: restic reads zeros for far longer than the test waits
        }

        var accepted = await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted);
        var jobUrl = "/jobs/" + accepted["job_id"];
        await JobEvents.WaitForProgressAsync(http, accepted["events_url"]!.GetValue<string>());

        var cancelled = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Api.Base + jobUrl)).ExpectAsync(HttpStatusCode.OK);
        var events = await JobEvents.ReadAsync(http, accepted["events_url"]!.GetValue<string>());

        Assert.Equal("cancelled", cancelled["state"]!.GetValue<string>());
        Assert.Equal("cancelled", events[^1].Type);
        Assert.Empty(await TestRestic.ListLocksAsync(location, factory.NewFolder("cache")));
        var snapshots = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, snapshots["count"]!.GetValue<int>());
    }

    [Fact(Timeout = 60000)]
    public async Task FailedJob_ReportsProblemDetails_AndUnknownJobIs404()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var target = factory.NewFolder("restore");

        var accepted = await http.PostAsync("/restore/deadbeef", new { repository = name, target_path = target, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted);
        var events = await JobEvents.ReadAsync(http, accepted["events_url"]!.GetValue<string>());
        var job = await http.GetAsync("/jobs/" + accepted["job_id"], null).ExpectAsync(HttpStatusCode.OK);
        var unknown = await http.GetAsync($"/jobs/{Guid.NewGuid()}", null).ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal("failed", events[^1].Type);
        Assert.Equal("failed", job["state"]!.GetValue<string>());
        Assert.Equal(404, job["error"]!["status"]!.GetValue<int>());
        Api.AssertProblem(unknown, 404, "unknown job");
    }
}
