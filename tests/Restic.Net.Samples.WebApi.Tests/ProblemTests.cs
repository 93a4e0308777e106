using System.Diagnostics;
using System.Net;
using System.Text;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>Bad input and restic failures become RFC 7807 problem details with the right status, never a 500.</summary>
public sealed class ProblemTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact(Timeout = 60000)]
    public async Task UnknownRepository_Is404()
    {
        var problem = await factory.CreateAdminClient().GetAsync("/stats?repository=nope", null).ExpectAsync(HttpStatusCode.NotFound);

        Api.AssertProblem(problem, 404, "unknown repository");
        Assert.Contains("POST /init", problem["detail"]!.GetValue<string>());
    }

    [Fact(Timeout = 60000)]
    public async Task UnknownSnapshot_Is404_AndAnInvalidId400()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var target = factory.NewFolder("restore");

        var unknown = await http.PostAsync("/restore/deadbeef", new { repository = name, target_path = target }, token).ExpectAsync(HttpStatusCode.NotFound);
        var invalid = await http.PostAsync("/restore/--help", new { repository = name, target_path = target }, token).ExpectAsync(HttpStatusCode.BadRequest);

        Api.AssertProblem(unknown, 404, "snapshot not found");
        Assert.NotNull(invalid["errors"]!["snapshot_id"]);
    }

    [Fact(Timeout = 60000)]
    public async Task InvalidInput_Is400WithTheField()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);

        var badName = await http.PostAsync("/init", new { name = "Bad Name!", location = factory.NewFolder("r"), password = "x" }).ExpectAsync(HttpStatusCode.BadRequest);
        var outside = await http.PostAsync("/backup", new { repository = name, paths = new[] { "/etc" } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var relative = await http.PostAsync("/backup", new { repository = name, paths = new[] { "data" } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var noPaths = await http.PostAsync("/backup", new { repository = name }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var tag = await http.PostAsync("/backup", new { repository = name, paths = new[] { factory.Root }, tags = new[] { "a\nb" } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var both = await http.PostAsync("/check", new { repository = name, read_data = true, read_data_subset = "10%" }, token).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(badName["errors"]!["name"]);
        Assert.Contains("outside the folders", outside["detail"]!.GetValue<string>());
        Assert.NotNull(relative["errors"]!["paths"]);
        Assert.NotNull(noPaths["errors"]!["paths"]);
        Assert.NotNull(tag["errors"]!["tags"]);
        Assert.NotNull(both["errors"]!["read_data_subset"]);
    }

    [Fact(Timeout = 60000)]
    public async Task MalformedJson_Is400WithAMessage()
    {
        var http = factory.CreateAdminClient();
        var content = new StringContent("{\"repository\": ", Encoding.UTF8, "application/json");

        var problem = await http.PostAsync(Api.Base + "/backup", content).ExpectAsync(HttpStatusCode.BadRequest);

        Api.AssertProblem(problem, 400, "invalid");
        Assert.Contains("JSON", problem["detail"]!.GetValue<string>());
    }

    [Fact(Timeout = 60000)]
    public async Task InitTwice_SameNameOrSameLocation_Is409()
    {
        var http = factory.CreateAdminClient();
        var location = Path.Combine(factory.NewFolder("repo"), "r");
        await http.PostAsync("/init", new { name = "twice", location, password = "p" }).ExpectAsync(HttpStatusCode.Created);

        var sameName = await http.PostAsync("/init", new { name = "twice", location = location + "2", password = "p" }).ExpectAsync(HttpStatusCode.Conflict);
        var sameLocation = await http.PostAsync("/init", new { name = "twice-again", location, password = "p" }).ExpectAsync(HttpStatusCode.Conflict);

        Api.AssertProblem(sameName, 409, "exists");
        Api.AssertProblem(sameLocation, 409, "exists");
    }

    [Fact(Timeout = 90000)]
    public async Task ExclusiveOperation_WhileRepositoryIsLocked_Is409NamingTheHolder()
    {
        var http = factory.CreateAdminClient();
        var location = Path.Combine(factory.NewFolder("repo"), "r");
        var init = await http.PostAsync("/init", new { name = "locked-repo", location, password = TestRestic.Password }).ExpectAsync(HttpStatusCode.Created);
        var token = init["password_token"]!.GetValue<string>();

        // A stdin backup that waits for its input holds a shared lock; prune needs an exclusive one.
        var holder = StartStdinBackup(location, factory.NewFolder("cache"));
        try
        {
            await WaitForLockAsync(location, factory.NewFolder("cache"));

            var problem = await http.PostAsync("/prune", new { repository = "locked-repo", keep_last = 1 }, token).ExpectAsync(HttpStatusCode.Conflict);

            Api.AssertProblem(problem, 409, "locked");
            Assert.Contains("PID", problem["lock_holder"]!.GetValue<string>());
        }
        finally
        {
            holder.StandardInput.Close();
            await holder.WaitForExitAsync();
            holder.Dispose();
        }
    }

    private static Process StartStdinBackup(string repository, string cache)
    {
        var start = new ProcessStartInfo(TestRestic.BinaryPath) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "backup", "--stdin", "--stdin-filename", "held.txt", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_REPOSITORY"] = repository;
        start.Environment["RESTIC_PASSWORD"] = TestRestic.Password;
        start.Environment["RESTIC_CACHE_DIR"] = cache;
        return Process.Start(start)!;
    }

    private static async Task WaitForLockAsync(string repository, string cache)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await TestRestic.ListLocksAsync(repository, cache)).Length > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the stdin backup took no lock within 10 s");
    }
}
