using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.Tests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The built app as a real process behind Kestrel, as the README starts it: server-sent events over a
/// real socket, a graceful stop (SIGTERM), and a restart on the same SQLite file and key ring.
/// </summary>
public sealed class KestrelTests : IDisposable
{
    private const string Key = "kestrel-admin-key-3e8d";
    private readonly TempDirectory _root = new("restic-net-kestrel-");

    public KestrelTests()
    {
        Directory.CreateDirectory(_root.Combine("files"));
        Directory.CreateDirectory(_root.Combine("state"));
    }

    [Fact(Timeout = 180000)]
    public async Task RealProcess_StreamsJobEvents_AndAfterARestartTheTokenJobsAndAuditAreStillThere()
    {
        var source = _root.Combine("files", "src");
        SourceTree.WriteSmallFiles(source, count: 20);
        string name = "kestrel", token, jobId;
        await using (var first = await StartAsync())
        {
            var init = await first.Http.PostAsJsonAsync(Api.Base + "/init", new { name, location = _root.Combine("files", "repo"), password = TestRestic.Password }).ExpectAsync(HttpStatusCode.Created);
            token = init["password_token"]!.GetValue<string>();
            var accepted = await first.Http.PostAsync("/backup", new { repository = name, paths = new[] { source }, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted);
            jobId = accepted["job_id"]!.GetValue<string>();

            var events = await JobEvents.ReadAsync(first.Http, accepted["events_url"]!.GetValue<string>());
            Assert.Equal("completed", events[^1].Type);
        }

        await using var second = await StartAsync();
        var snapshots = await second.Http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        var job = await second.Http.GetAsync("/jobs/" + jobId, null).ExpectAsync(HttpStatusCode.OK);
        var audit = await second.Http.GetAsync("/audit", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(1, snapshots["count"]!.GetValue<int>());
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        Assert.Contains(audit["entries"]!.AsArray(), e => e!["action"]!.GetValue<string>().EndsWith("/init", StringComparison.Ordinal));
    }

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 120000)]
    [Trait("Restic", "None")] // the app starts no restic unless a request needs it, and none here does
    public async Task RealProcess_RefusesATooLargeBody_With413_AndServesItsContractOnlyWithAKey()
    {
        await using var app = await StartAsync("--Kestrel:Limits:MaxRequestBodySize=4096");
        var body = new { repository = "docs", paths = Enumerable.Range(0, 200).Select(i => $"/srv/docs/{i:D4}/a-long-enough-name.txt").ToArray() };

        var tooLarge = await app.Http.PostAsync("/backup", body).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        using var anonymous = new HttpClient { BaseAddress = app.Http.BaseAddress };
        var withoutKey = await anonymous.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.Unauthorized);
        var document = await app.Http.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        Api.AssertProblem(tooLarge, 413, "too large");
        Assert.Contains("larger than this server accepts", tooLarge["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(401, withoutKey["status"]!.GetValue<int>());
        // Behind Kestrel the generator fills in the listening address; the document names the relative server instead.
        Assert.Equal("/", Assert.Single(document["servers"]!.AsArray())!["url"]!.GetValue<string>());
    }

    private async Task<RunningApp> StartAsync(params string[] extraArguments)
    {
        var process = await WebApiProcess.StartAsync(
        [
            "--Restic:CacheDirectory=" + _root.Combine("cache"),
            "--Restic:AllowedRoots:0=" + _root.Combine("files"),
            "--State:ConnectionString=Data Source=" + _root.Combine("state", "state.db"),
            "--DataProtection:KeysDirectory=" + _root.Combine("state", "keys"),
            .. WebApiProcess.ApiKey(0, "ops", Key, "admin"),
            .. extraArguments,
        ], "/openapi/v1.json");
        var http = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return new RunningApp(process, http);
    }

    /// <summary>The app process and a client with the admin key; disposing stops it gracefully (SIGTERM).</summary>
    private sealed class RunningApp(WebApiProcess process, HttpClient http) : IAsyncDisposable
    {
        public HttpClient Http { get; } = http;

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await process.DisposeAsync();
        }
    }
}
