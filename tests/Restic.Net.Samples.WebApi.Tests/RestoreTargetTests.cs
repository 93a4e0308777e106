using System.Net;
using System.Text.Json.Nodes;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// A restore never writes over anything silently: a target that holds anything is a 409 naming what it
/// holds, unless the caller chooses <c>overwrite</c>; <c>never</c> keeps a changed file and <c>always</c>
/// puts the snapshot's copy back (restic 0.17+), while older restic, which always overwrites, takes only
/// <c>always</c>. On those versions a link in the target that leads out of the root is refused too.
/// </summary>
public sealed class RestoreTargetTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private static readonly Version s_overwriteChoices = new(0, 17, 0);

    [Fact(Timeout = 120000)]
    public async Task TargetThatHoldsFiles_Is409NamingThem_AndNothingIsOverwritten()
    {
        var (http, name, token, source, target, restoredFile) = await RestoredOnceAsync();
        await File.WriteAllTextAsync(restoredFile, "changed after the restore");
        var crowded = factory.NewFolder("crowded");
        foreach (var i in Enumerable.Range(0, 12))
        {
            await File.WriteAllTextAsync(Path.Combine(crowded, $"f{i:D2}.txt"), "x");
        }

        var problem = await http.PostAsync("/restore/latest", new { repository = name, target_path = target }, token).ExpectAsync(HttpStatusCode.Conflict);
        var job = await http.PostAsync("/restore/latest", new { repository = name, target_path = target, run_as_job = true }, token).ExpectAsync(HttpStatusCode.Conflict);
        var many = await http.PostAsync("/restore/latest", new { repository = name, target_path = crowded }, token).ExpectAsync(HttpStatusCode.Conflict);

        Api.AssertProblem(problem, 409, "target not empty");
        var top = source.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)[0]; // restic recreates the absolute source path
        Assert.Equal([top], problem["existing_entries"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(1, problem["existing_count"]!.GetValue<int>());
        Assert.Contains("overwrite", problem["errors"]!["target_path"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(job["errors"]!["target_path"]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"f{i:D2}.txt"), many["existing_entries"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(12, many["existing_count"]!.GetValue<int>());
        Assert.Contains("and 2 more", many["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("changed after the restore", await File.ReadAllTextAsync(restoredFile));
        Assert.Equal(["f00.txt", "f01.txt"], Directory.EnumerateFiles(crowded).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(2));
    }

    [Fact(Timeout = 90000)]
    public async Task TargetThatIsAFile_Is409()
    {
        var (http, name, token, _, _, restoredFile) = await RestoredOnceAsync();

        var problem = await http.PostAsync("/restore/latest", new { repository = name, target_path = restoredFile, overwrite = "always" }, token).ExpectAsync(HttpStatusCode.Conflict);

        Api.AssertProblem(problem, 409, "target is a file");
    }

    [Fact(Timeout = 120000)]
    public async Task Overwrite_NeverKeepsAChangedFile_AndAlwaysPutsTheSnapshotsCopyBack_OrOnlyAlwaysBefore017()
    {
        var (http, name, token, source, target, restoredFile) = await RestoredOnceAsync();
        var original = await File.ReadAllBytesAsync(Path.Combine(source, Path.GetRelativePath(SourceTree.RestoredPath(target, source), restoredFile)));
        await File.WriteAllTextAsync(restoredFile, "changed after the restore");

        if (await ResticVersionAsync() < s_overwriteChoices)
        {
            foreach (var choice in new[] { "never", "if_changed", "if_newer" })
            {
                var refused = await http.PostAsync("/restore/latest", new { repository = name, target_path = target, overwrite = choice }, token).ExpectAsync(HttpStatusCode.BadRequest);
                Assert.Contains("needs restic 0.17", refused["errors"]!["overwrite"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            }

            Assert.Equal("changed after the restore", await File.ReadAllTextAsync(restoredFile));
        }
        else
        {
            await http.PostAsync("/restore/latest", new { repository = name, target_path = target, overwrite = "never" }, token).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("changed after the restore", await File.ReadAllTextAsync(restoredFile));
        }

        var always = await http.PostAsync("/restore/latest", new { repository = name, target_path = target, overwrite = "always" }, token).ExpectAsync(HttpStatusCode.OK);

        Assert.True(always["success"]!.GetValue<bool>(), always.ToJsonString());
        Assert.Equal(original, await File.ReadAllBytesAsync(restoredFile));
        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(target, source));
    }

    [Fact(Timeout = 120000)]
    public async Task OverwriteIntoATargetHoldingALinkOut_NeverWritesOutside()
    {
        // restic before 0.17 writes through a link it restores over (0.18 and 0.19 replace the link).
        var (http, name, token, source, target, _) = await RestoredOnceAsync();
        var outside = Directory.CreateDirectory(Path.Combine(factory.Temp, "outside-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var restored = SourceTree.RestoredPath(target, source);
        var firstFolder = Directory.EnumerateDirectories(restored).Order(StringComparer.Ordinal).First();
        Directory.Delete(firstFolder, recursive: true);
        Directory.CreateSymbolicLink(firstFolder, outside);

        using var response = await http.PostAsync("/restore/latest", new { repository = name, target_path = target, overwrite = "always" }, token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        if (await ResticVersionAsync() < s_overwriteChoices)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Api.AssertProblem(body, 409, "links out");
            Assert.Contains(firstFolder, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            SourceTree.AssertSameFiles(source, restored);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    /// <summary>A repository with one snapshot of a small tree, restored once into a new folder.</summary>
    private async Task<(HttpClient Http, string Name, string Token, string Source, string Target, string RestoredFile)> RestoredOnceAsync()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 6);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);
        var target = Path.Combine(factory.NewFolder("restore"), "target");
        await http.PostAsync("/restore/latest", new { repository = name, target_path = target }, token).ExpectAsync(HttpStatusCode.OK);
        var restoredFile = Directory.EnumerateFiles(SourceTree.RestoredPath(target, source), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        return (http, name, token, source, target, restoredFile);
    }

    private async Task<Version> ResticVersionAsync() =>
        (await new ResticClient(TestRestic.Options(factory.NewFolder("unused"), factory.NewFolder("cache"))).GetVersionAsync()).Version;
}
