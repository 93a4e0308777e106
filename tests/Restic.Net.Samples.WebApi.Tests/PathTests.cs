using System.Net;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// Paths are judged by where they lead, with real symbolic links: a restore target or backup source that
/// leaves the allowed root through a link (at any depth, relative or absolute, chained, with ".." after it,
/// or not existing yet under a linked parent) is refused and nothing outside is read or written; a link
/// that stays inside the root works.
/// </summary>
public sealed class PathTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    /// <summary>Restore targets that lead out of the root, built from the links <see cref="LinksOut"/> makes.</summary>
    public static TheoryData<string> EscapingTargets => new()
    {
        "{out}/restored",          // not there yet, under a linked parent
        "{out}",                   // the link itself
        "{out}/a/b/c",             // deeper, none of it there yet
        "{deep}/../restored",      // ".." after a link: the kernel goes up from where the link points
        "{chain}/restored",        // a link to a link (inside the root) to the outside
        "{nested}/restored",       // a link three folders down
        "{relative}/restored",     // a relative link
    };

    [Theory(Timeout = 90000)]
    [MemberData(nameof(EscapingTargets))]
    public async Task RestoreTarget_ThatLeadsOutThroughALink_Is400_AndNothingIsWrittenOutside(string template)
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 8);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);
        var (outside, links) = LinksOut();
        var target = links.Aggregate(template, (path, link) => path.Replace("{" + link.Key + "}", link.Value, StringComparison.Ordinal));

        var problem = await http.PostAsync("/restore/latest", new { repository = name, target_path = target }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var job = await http.PostAsync("/restore/latest", new { repository = name, target_path = target, run_as_job = true }, token).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("leads outside", problem["errors"]!["target_path"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(job["errors"]!["target_path"]);
        Assert.Equal(["a", "a/b", "a/b/secret.txt"], Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(outside, e)).Order(StringComparer.Ordinal)); // as made
    }

    [Fact(Timeout = 90000)]
    public async Task BackupSource_ThatLeadsOutThroughALink_Is400_AndNoSnapshotIsMade()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var (_, links) = LinksOut();

        var file = await http.PostAsync("/backup", new { repository = name, paths = new[] { Path.Combine(links["deep"], "secret.txt") } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var folder = await http.PostAsync("/backup", new { repository = name, paths = new[] { links["out"] } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var viaDotDot = await http.PostAsync("/backup", new { repository = name, paths = new[] { Path.Combine(links["deep"], "..", "b", "secret.txt") } }, token).ExpectAsync(HttpStatusCode.BadRequest);

        foreach (var problem in new[] { file, folder, viaDotDot })
        {
            Assert.Contains("leads outside", problem["errors"]!["paths"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var snapshots = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, snapshots["count"]!.GetValue<int>());
    }

    [Fact(Timeout = 90000)]
    public async Task ALinkThatStaysInsideTheRoot_CanBeBackedUpAndRestoredThrough()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var data = factory.NewFolder("data");
        SourceTree.WriteSmallFiles(data, count: 4);
        var link = Path.Combine(factory.Root, "inside-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateSymbolicLink(link, data);
        var restoreLink = Path.Combine(factory.Root, "restore-link-" + Guid.NewGuid().ToString("N")[..8]);
        var restoreFolder = factory.NewFolder("restore");
        Directory.CreateSymbolicLink(restoreLink, restoreFolder);

        await http.PostAsync("/backup", new { repository = name, paths = new[] { data } }, token).ExpectAsync(HttpStatusCode.OK);
        await http.PostAsync("/restore/latest", new { repository = name, target_path = Path.Combine(restoreLink, "restored") }, token).ExpectAsync(HttpStatusCode.OK);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { Path.Combine(link, "dir0") } }, token).ExpectAsync(HttpStatusCode.OK);

        SourceTree.AssertSameFiles(data, SourceTree.RestoredPath(Path.Combine(restoreFolder, "restored"), data));
    }

    [Fact(Timeout = 60000)]
    public async Task APathWithDotDotOutOfTheRoot_Is400_WithoutAnyLink()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);

        var problem = await http.PostAsync("/restore/latest", new { repository = name, target_path = Path.Combine(factory.Root, "..", "state", "restored") }, token).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("leads outside", problem["errors"]!["target_path"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(factory.StateFolder, "restored")));
    }

    /// <summary>
    /// A folder outside the root (holding <c>a/b/secret.txt</c>) and links inside the root that lead to it:
    /// <c>out</c> (absolute, to the folder), <c>deep</c> (to <c>a/b</c>), <c>chain</c> (to a link inside the
    /// root that leads out), <c>nested</c> (three folders down), <c>relative</c> (a relative link).
    /// </summary>
    private (string Outside, Dictionary<string, string> Links) LinksOut()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var outside = Directory.CreateDirectory(Path.Combine(factory.Temp, "outside-" + id)).FullName;
        Directory.CreateDirectory(Path.Combine(outside, "a", "b"));
        File.WriteAllText(Path.Combine(outside, "a", "b", "secret.txt"), "outside the root");
        var links = new Dictionary<string, string>
        {
            ["out"] = Path.Combine(factory.Root, "out-" + id),
            ["deep"] = Path.Combine(factory.Root, "deep-" + id),
            ["chain"] = Path.Combine(factory.Root, "chain-" + id),
            ["nested"] = Path.Combine(factory.NewFolder("n1"), "n2", "n3", "link"),
            ["relative"] = Path.Combine(factory.Root, "relative-" + id),
        };
        Directory.CreateSymbolicLink(links["out"], outside);
        Directory.CreateSymbolicLink(links["deep"], Path.Combine(outside, "a", "b"));
        Directory.CreateSymbolicLink(links["chain"], links["out"]);
        Directory.CreateDirectory(Path.GetDirectoryName(links["nested"])!);
        Directory.CreateSymbolicLink(links["nested"], outside);
        Directory.CreateSymbolicLink(links["relative"], Path.Combine("..", Path.GetFileName(outside)));
        return (outside, links);
    }
}
