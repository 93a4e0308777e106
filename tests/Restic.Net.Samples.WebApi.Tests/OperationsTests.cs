using System.Net;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>What the library could do and the API now can too: locks, unlock, key rotation, health, the job list.</summary>
public sealed class OperationsTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact(Timeout = 90000)]
    public async Task Locks_ListTheStaleLock_AndUnlockRemovesIt()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http, TestRestic.Password);
        var location = await RepositoryLocationAsync(http, name);
        var pid = await StaleLock.CreateAsync(location, factory.NewFolder("cache"));

        var locks = await factory.CreateClientWithKey(WebApiFactory.ViewerKey).GetAsync($"/locks?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        var unlocked = await http.PostAsync("/unlock", new { repository = name }, token).ExpectAsync(HttpStatusCode.OK);
        var after = await http.GetAsync($"/locks?repository={name}", token).ExpectAsync(HttpStatusCode.OK);

        var held = Assert.Single(locks["locks"]!.AsArray())!;
        Assert.Equal(pid, held["pid"]!.GetValue<int>());
        Assert.False(held["exclusive"]!.GetValue<bool>());
        Assert.Contains("Removed 1 lock", unlocked["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(pid, Assert.Single(unlocked["removed"]!.AsArray())!["pid"]!.GetValue<int>());
        Assert.False(unlocked.AsObject().ContainsKey("removed_locks")); // the count is removed.length
        Assert.Equal(0, after["count"]!.GetValue<int>());
        await factory.CreateClientWithKey(WebApiFactory.OperatorKey).PostAsync("/unlock", new { repository = name }, token).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact(Timeout = 90000)]
    public async Task KeysRotate_TheNewTokenOpensTheRepository_AndTheOldOneNoLonger()
    {
        var http = factory.CreateAdminClient();
        var (name, oldToken) = await factory.InitAsync(http);

        var rotated = await http.PostAsync("/keys/rotate", new { repository = name, new_password = "a-new-long-passphrase-7c1" }, oldToken).ExpectAsync(HttpStatusCode.OK);
        var newToken = rotated["password_token"]!.GetValue<string>();

        Assert.NotEqual(rotated["old_key_id"]!.GetValue<string>(), rotated["new_key_id"]!.GetValue<string>());
        await http.GetAsync($"/snapshots?repository={name}", newToken).ExpectAsync(HttpStatusCode.OK);
        var refused = await http.GetAsync($"/snapshots?repository={name}", oldToken).ExpectAsync(HttpStatusCode.BadRequest);
        Api.AssertProblem(refused, 400, "wrong repository password");
        await http.PostAsync("/keys/rotate", new { repository = name }, newToken).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact(Timeout = 90000)]
    public async Task KeysRotate_OfARepositoryWhosePasswordIsAFile_IsRefused_AndTheKeyStays()
    {
        using var root = new TempDirectory("restic-net-webapi-keyfile-");
        var location = root.Combine("files", "repo");
        await TestRestic.InitializeAsync(location);
        var passwordFile = root.Combine("password");
        await File.WriteAllTextAsync(passwordFile, TestRestic.Password);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var filed = new WebApiFactory(null, new Dictionary<string, string?>
        {
            ["Restic:Repositories:filed:Location"] = location,
            ["Restic:Repositories:filed:PasswordFile"] = passwordFile,
        });
        var http = filed.CreateAdminClient();

        var refused = await http.PostAsync("/keys/rotate", new { repository = "filed", new_password = "a-new-long-passphrase-5b2" }).ExpectAsync(HttpStatusCode.Conflict);

        Api.AssertProblem(refused, 409, "password from a file");
        using var keys = System.Text.Json.JsonDocument.Parse(await TestRestic.RunAsync(location, root.Combine("cache"), "key", "list", "--json"));
        Assert.Equal(1, keys.RootElement.GetArrayLength()); // still the one key the password file opens
        await http.GetAsync("/snapshots?repository=filed", null).ExpectAsync(HttpStatusCode.OK); // the server still opens it
    }

    [Fact(Timeout = 90000)]
    public async Task Health_ChecksEveryRepositoryTheServerHasAPasswordFor_WithTheLibrarysData()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 2);
        var backup = await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);

        var health = await factory.CreateClientWithKey(WebApiFactory.ViewerKey).GetAsync("/health", null).ExpectAsync(HttpStatusCode.OK);

        var entry = Assert.Single(health["checks"]!.AsArray(), r => r!["name"]!.GetValue<string>() == name)!;
        Assert.Equal("healthy", entry["status"]!.GetValue<string>());
        Assert.Equal(1, entry["data"]!["snapshots"]!.GetValue<int>());
        Assert.StartsWith(entry["data"]!["latestSnapshot"]!.GetValue<string>(), backup["snapshot_id"]!.GetValue<string>(), StringComparison.Ordinal);
        // The overall status is the worst of the checks (other tests' repositories share this app).
        string[] order = ["healthy", "unknown", "degraded", "unhealthy"];
        var worst = health["checks"]!.AsArray().Select(c => Array.IndexOf(order, c!["status"]!.GetValue<string>())).Max();
        Assert.Equal(order[worst], health["status"]!.GetValue<string>());
        Assert.DoesNotContain(WebApiFactory.TestPassword, health.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 90000)]
    public async Task Jobs_AreListedNewestFirst_APageAtATime()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 2);
        var first = (await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted))["job_id"]!.GetValue<string>();
        var second = (await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Accepted))["job_id"]!.GetValue<string>();

        var page1 = await http.GetAsync("/jobs?page_size=1", null).ExpectAsync(HttpStatusCode.OK);
        var page2 = await http.GetAsync("/jobs?page=2&page_size=1", null).ExpectAsync(HttpStatusCode.OK);
        var bad = await http.GetAsync("/jobs?page=0", null).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.True(page1["total"]!.GetValue<int>() >= 2);
        Assert.Equal(second, Assert.Single(page1["jobs"]!.AsArray())!["job_id"]!.GetValue<string>());
        Assert.Equal(first, Assert.Single(page2["jobs"]!.AsArray())!["job_id"]!.GetValue<string>());
        Assert.NotNull(bad["errors"]!["page"]);
    }

    [Fact(Timeout = 90000)]
    public async Task Restore_WithAnInclude_CountsTheRestoredFile_NotTheFoldersAroundIt()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        var deep = Directory.CreateDirectory(Path.Combine(source, "a", "b", "c")).FullName;
        await File.WriteAllTextAsync(Path.Combine(deep, "one.txt"), "one");
        await File.WriteAllTextAsync(Path.Combine(source, "other.txt"), "other");
        var backup = await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);
        var version = await new ResticClient(TestRestic.Options(factory.NewFolder("unused"), factory.NewFolder("cache"))).GetVersionAsync();

        var target = factory.NewFolder("restore");
        var restored = await http.PostAsync($"/restore/{backup["snapshot_id"]!.GetValue<string>()}", new { repository = name, target_path = target, include = new[] { Path.Combine(deep, "one.txt") } }, token).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("one", await File.ReadAllTextAsync(Path.Join(target, deep, "one.txt")));
        Assert.False(File.Exists(Path.Join(target, source, "other.txt")));
        if (version.Version >= new Version(0, 17, 0))
        {
            Assert.Equal(1, restored["files_restored"]!.GetValue<long>());
            Assert.True(restored["items_restored"]!.GetValue<long>() > 1, restored.ToJsonString()); // restic counts the folders too
            Assert.Contains("Restored 1 files", restored["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(restored["files_restored"]); // restic before 0.17 reports no files
        }
    }

    private static async Task<string> RepositoryLocationAsync(HttpClient http, string name)
    {
        var repositories = await http.GetAsync("/repositories", null).ExpectAsync(HttpStatusCode.OK);
        return Assert.Single(repositories.AsArray(), r => r!["name"]!.GetValue<string>() == name)!["location"]!.GetValue<string>();
    }
}
