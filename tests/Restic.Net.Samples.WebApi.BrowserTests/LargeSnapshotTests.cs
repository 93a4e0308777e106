using System.Globalization;
using System.Text.Json;
using OpenQA.Selenium;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>A snapshot of 200,000 files browsed as a person does, each folder's listing equal to restic ls.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LargeSnapshotTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public async Task ASnapshotOf200000Files_OpensFolderByFolder_EachPageAsResticLsListsIt()
    {
        using var snapshots = JsonDocument.Parse(await TestRestic.RunAsync(console.Large, console.Cache, "snapshots", "--json"));
        var snapshot = Assert.Single(snapshots.RootElement.EnumerateArray());
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Go(Browser.Link(ConsoleFixture.LargeName));
        Browser.Go(Browser.Link(snapshot.GetProperty("short_id").GetString()!));

        // Opened through the single-child folders down to the 200 folders, all on the first page.
        Assert.Equal(console.LargeSource, Browser.Heading);
        Assert.Equal($"{ConsoleFixture.LargeFolders} entries", Browser.Find(By.CssSelector("table.entries caption")).Text);
        Assert.Equal(ConsoleFixture.LargeFolders, Browser.FindAll(By.CssSelector("tr.dir th.name a")).Count);

        var folder = console.LargeSource + "/dir-137";
        Browser.Go(Browser.Link("dir-137/"));
        Assert.Equal(folder, Browser.Heading);
        Assert.Equal($"{ConsoleFixture.LargeFilesPerFolder} entries", Browser.Find(By.CssSelector("table.entries caption")).Text);

        var expected = await ResticLsAsync(snapshot.GetProperty("id").GetString()!, folder);
        Assert.Equal(ConsoleFixture.LargeFilesPerFolder, expected.Count);
        var shown = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            if (page > 1)
            {
                Browser.Go(Browser.Find(By.XPath($"//nav[@aria-label='Pages']//a[text()='{page}']")));
            }

            shown.AddRange(Browser.FindAll(By.CssSelector("table.entries tbody th.name a")).Select(a => a.Text));
        }

        Assert.Equal(expected, shown);
        Browser.Go(Browser.Find(By.XPath("//ol[@class='path']//a[text()='large-src']")));
        Assert.Equal(console.LargeSource, Browser.Heading);
    }

    /// <summary>The names restic ls gives for the folder's children, in restic's order.</summary>
    private async Task<List<string>> ResticLsAsync(string snapshotId, string folder)
    {
        var names = new List<string>();
        foreach (var line in (await TestRestic.RunAsync(console.Large, console.Cache, "ls", "--json", snapshotId, folder)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var node = JsonDocument.Parse(line);
            if (node.RootElement.TryGetProperty("path", out var path) && path.GetString()!.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                names.Add(node.RootElement.GetProperty("name").GetString()!);
            }
        }

        return names;
    }
}
