using System.Net;
using System.Text.Json.Nodes;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>Every endpoint against the real restic: init, backup, snapshots, restore (bytes compared), stats, check, prune.</summary>
public sealed class EndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact(Timeout = 120000)]
    public async Task LifeCycle_EveryEndpoint_WorksWithThePasswordToken()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 30);
        File.WriteAllText(Path.Combine(source, "skip.tmp"), "excluded");

        var first = await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, tags = new[] { "nightly" }, exclude_patterns = new[] { "*.tmp" } }, token).ExpectAsync(HttpStatusCode.OK);
        File.WriteAllText(Path.Combine(source, "dir0", "new.txt"), "second");
        var second = await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, tags = new[] { "manual" }, exclude_patterns = new[] { "*.tmp" } }, token).ExpectAsync(HttpStatusCode.OK);

        // The original ops console's backup shape, snake_case.
        Assert.True(first["success"]!.GetValue<bool>(), first.ToJsonString());
        Assert.Equal(30, first["files_new"]!.GetValue<int>());
        Assert.Equal(0, first["files_changed"]!.GetValue<int>());
        Assert.Equal(30, first["total_files"]!.GetValue<int>());
        Assert.True(first["data_added"]!.GetValue<long>() > 0, first.ToJsonString());
        Assert.True(first["total_bytes"]!.GetValue<long>() > 0, first.ToJsonString());
        Assert.Contains("saved", first["message"]!.GetValue<string>());
        Assert.Equal(1, second["files_new"]!.GetValue<int>());
        Assert.Equal(30, second["files_unmodified"]!.GetValue<int>());

        var all = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        var nightly = await http.GetAsync($"/snapshots?repository={name}&tag=nightly", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, all["count"]!.GetValue<int>());
        var only = Assert.Single(nightly["snapshots"]!.AsArray());
        var firstId = first["snapshot_id"]!.GetValue<string>();
        Assert.StartsWith(firstId, only!["id"]!.GetValue<string>(), StringComparison.Ordinal); // 0.14 reports the short id after backup
        Assert.Equal(["nightly"], only["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var target = factory.NewFolder("restore");
        var restored = await http.PostAsync($"/restore/{only["short_id"]!.GetValue<string>()}", new { repository = name, target_path = target }, token).ExpectAsync(HttpStatusCode.OK);
        Assert.True(restored["success"]!.GetValue<bool>(), restored.ToJsonString());
        File.Delete(Path.Combine(source, "dir0", "new.txt"));
        File.Delete(Path.Combine(source, "skip.tmp"));
        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(target, source));

        var stats = await http.GetAsync($"/stats?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, stats["snapshots_count"]!.GetValue<int>());
        Assert.True(stats["total_size"]!.GetValue<long>() > 0, stats.ToJsonString());
        Assert.True(stats["total_file_count"]!.GetValue<long>() >= 61, stats.ToJsonString());
        Assert.True(stats["deduplication_ratio"]!.GetValue<double>() > 1.2, stats.ToJsonString()); // two snapshots of nearly the same files (trees are counted too)

        var check = await http.PostAsync("/check", new { repository = name, read_data = true }, token).ExpectAsync(HttpStatusCode.OK);
        Assert.True(check["success"]!.GetValue<bool>(), check.ToJsonString());
        Assert.Empty(check["errors"]!.AsArray());

        var prune = await http.PostAsync("/prune", new { repository = name, keep_last = 1 }, token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, prune["snapshots_kept"]!.GetValue<int>());
        Assert.Equal(1, prune["snapshots_removed"]!.GetValue<int>());
        Assert.StartsWith(firstId, Assert.Single(prune["removed_snapshot_ids"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        var left = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, left["count"]!.GetValue<int>());
    }

    [Fact(Timeout = 60000)]
    public async Task Repositories_ListsTheRegisteredNamesWithoutSecrets()
    {
        var http = factory.CreateAdminClient();
        var (name, _) = await factory.InitAsync(http);

        var list = await http.GetAsync("/repositories", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(list.AsArray(), r => r!["name"]!.GetValue<string>() == name);
        Assert.DoesNotContain(WebApiFactory.TestPassword, list.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task OpenApi_DescribesEveryEndpoint()
    {
        var document = await factory.CreateClientWithKey(WebApiFactory.ViewerKey).GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        foreach (var path in new[] { "init", "backup", "snapshots", "restore/{snapshot_id}", "prune", "stats", "check", "jobs/{id}", "jobs/{id}/events" })
        {
            Assert.Contains(Api.Base + "/" + path, paths);
        }
    }
}
