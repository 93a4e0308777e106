using OpenQA.Selenium;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>The snapshot timeline and the snapshot browser, clicked through as a person does.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BrowseTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public void TheTimeline_ListsEverySnapshot_NewestFirst_AndFiltersByTag()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Go(Browser.Link("demo"));

        Assert.Equal("Snapshots of demo", Browser.Heading);
        Assert.Equal([.. console.Snapshots.Select(s => s.ShortId).Reverse()], Browser.FindAll(By.CssSelector(".timeline tbody th a")).Select(a => a.Text));
        Assert.Equal("3 of 3 snapshots", Browser.Find(By.CssSelector(".count")).Text);
        Browser.Screenshot("snapshots");

        new OpenQA.Selenium.Support.UI.SelectElement(Browser.Find(By.Id("tag"))).SelectByText("manual");
        Browser.Go(Browser.Find(By.XPath("//button[text()='Filter']")));

        Assert.Equal([console.Snapshots[^1].ShortId], Browser.FindAll(By.CssSelector(".timeline tbody th a")).Select(a => a.Text));
        Assert.Equal("1 of 3 snapshots", Browser.Find(By.CssSelector(".count")).Text);
    }

    [Fact]
    public void ASnapshot_OpensThroughItsSingleChildFolders_ThenFolderByFolder_WithBreadcrumbsBack()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Go(Browser.Link("demo"));
        Browser.Go(Browser.Link(console.Snapshots[^1].ShortId));

        // The root holds only the first folder of the backed-up path, and so on down to the source folder.
        Assert.Equal(console.Source, Browser.Heading);
        Assert.Contains("Opened through /", Browser.Find(By.CssSelector(".note")).Text, StringComparison.Ordinal);
        Assert.Equal(["deep/", "hostile/", "many/", "projects/"], Browser.FindAll(By.CssSelector("tr.dir th.name a")).Select(a => a.Text));
        Browser.Screenshot("browse");

        Browser.Go(Browser.Link("deep/"));
        Assert.Equal(console.Source + "/deep/a/b/c/d/e", Browser.Heading);
        Assert.Equal(["found.txt"], Browser.FindAll(By.CssSelector("tr.file th.name a")).Select(a => a.Text));

        Browser.Go(Browser.Find(By.XPath("//ol[@class='path']//a[text()='src']")));
        Assert.Equal(console.Source, Browser.Heading);
        Browser.Go(Browser.Link("projects/"));
        Assert.Equal(console.Source + "/projects/website", Browser.Heading); // projects holds only website
        var row = Browser.Find(By.XPath("//tr[th/a[text()='README.md']]"));
        Assert.Contains("-rw-", row.Text, StringComparison.Ordinal);
        Assert.Contains(" B", row.FindElement(By.CssSelector("td.number")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderOfSixHundredFiles_IsShownAPageAtATime()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open(BrowsePath(console.Snapshots[0].Id, console.Source + "/many"));

        Assert.Equal("600 entries", Browser.Find(By.CssSelector("table.entries caption")).Text);
        Assert.Equal(["1", "2", "3"], Browser.FindAll(By.CssSelector("nav[aria-label=Pages] a, nav[aria-label=Pages] span")).Select(e => e.Text));
        Assert.Equal(200, Browser.FindAll(By.CssSelector("table.entries tbody tr")).Count);
        Browser.Find(By.XPath("//nav[@aria-label='Pages']//a[text()='3']")).Click();
        Browser.WaitUntil(d => d.FindElements(By.XPath("//nav[@aria-label='Pages']//span[@aria-current='page' and text()='3']")).Count == 1);
        var names = Browser.FindAll(By.CssSelector("table.entries tbody th.name a")).Select(a => a.Text).ToList();
        Assert.Equal(200, names.Count);
        Assert.Equal("file-401.txt", names[0]);
        Assert.Equal("file-600.txt", names[^1]);
    }

    [Fact]
    public void HostileNames_AreShownAsText_AndNothingInThemRuns()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open(BrowsePath(console.Snapshots[0].Id, console.Source + "/hostile"));

        var shown = Browser.FindAll(By.CssSelector("table.entries th.name a")).Select(a => a.Text).ToList();
        Assert.Contains("<script>alert(1)<script>.txt", shown);
        Assert.Contains("<img src=x onerror=alert(2)>.txt", shown);
        Assert.Contains("\"quoted\" & 'single'.txt", shown);
        Assert.Contains("twoLFlines.txt", shown); // the newline as a boxed label, on one line
        var label = Browser.Find(By.CssSelector("table.entries th.name a span.ctl"));
        Assert.Equal(("LF", "U+000A"), (label.Text, label.GetAttribute("title")));
        Assert.Contains(shown, s => s.StartsWith("bad-", StringComparison.Ordinal) && s.EndsWith("-name.txt", StringComparison.Ordinal));
        Assert.False(Browser.HasDialog());
        Assert.Empty(Browser.FindAll(By.CssSelector("main img, main script, main svg")));
        Assert.Single(Browser.FindAll(By.TagName("script"))); // console.js, nothing else
        Browser.Screenshot("hostile-names");

        Browser.Go(Browser.Link("<img src=x onerror=alert(2)>.txt"));
        Assert.Equal("<img src=x onerror=alert(2)>.txt", Browser.Heading);
        Assert.False(Browser.HasDialog());
    }

    internal static string BrowsePath(string snapshotId, string path) =>
        $"/console/repositories/{ConsoleFixture.RepositoryName}/snapshots/{snapshotId}/browse?path={Uri.EscapeDataString(path)}";

    internal static string FilePath(string snapshotId, string path) =>
        $"/console/repositories/{ConsoleFixture.RepositoryName}/snapshots/{snapshotId}/file?path={Uri.EscapeDataString(path)}";
}
