using OpenQA.Selenium;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>Search across snapshots: streamed into the page by its script, or rendered by the server when opened from a link.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SearchTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public void ANameSearch_ShowsEverySnapshotsMatch_NewestFirst_AsTheyArrive_AndEachOpensItsFile()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Go(Browser.Link("demo"));
        Browser.Go(Browser.Link("Search files in every snapshot"));

        Browser.Find(By.Id("pattern")).SendKeys("README.md");
        Browser.Find(By.XPath("//button[text()='Search']")).Click();
        Browser.WaitUntil(d => d.FindElement(By.CssSelector("p.count")).Text == "3 matches");

        var rows = Browser.FindAll(By.CssSelector("table.results tbody tr"));
        Assert.Equal([.. console.Snapshots.Select(s => s.ShortId).Reverse()], rows.Select(r => r.FindElement(By.CssSelector("span.mono")).Text));
        Assert.All(rows, r => Assert.Equal(console.Source + "/projects/website/README.md", r.FindElement(By.CssSelector("th a")).Text));
        Assert.Contains("pattern=README.md", Browser.Driver.Url, StringComparison.Ordinal); // the search can be linked to
        Browser.Screenshot("search");

        Browser.Go(rows.Last().FindElement(By.CssSelector("th a")));
        Assert.Equal("README.md", Browser.Heading);
        Assert.Contains(console.Snapshots[0].ShortId, Browser.Find(By.CssSelector("dl.facts")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASearchOpenedFromALink_IsAnsweredByTheServer_AndAGlobFindsFolders()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open($"/console/repositories/demo/search?pattern={Uri.EscapeDataString("d??p")}");

        // As restic find answers: the folder deep and, since it matched, everything in it (a to e, found.txt), per snapshot.
        Assert.Equal("21 matches", Browser.Find(By.CssSelector("p.count")).Text);
        var paths = Browser.FindAll(By.CssSelector("table.results tbody th a")).Select(a => a.Text).ToList();
        Assert.Equal(3, paths.Count(p => p == console.Source + "/deep/"));
        Assert.Equal(3, paths.Count(p => p == console.Source + "/deep/a/b/c/d/e/found.txt"));
        Browser.Go(Browser.FindAll(By.CssSelector("table.results tbody th a")).First());
        Assert.Equal(console.Source + "/deep/a/b/c/d/e", Browser.Heading); // a folder match opens the browser there
    }

    [Fact]
    public void MarkupAndNewlinesInMatchedNames_AreShownAsText_AndAMalformedGlobIsExplained()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open("/console/repositories/demo/search");
        Browser.Find(By.Id("pattern")).SendKeys("*alert*");
        Browser.Find(By.XPath("//button[text()='Search']")).Click();
        Browser.WaitUntil(d => d.FindElement(By.CssSelector("p.count")).Text == "6 matches");

        var names = Browser.FindAll(By.CssSelector("table.results tbody th a")).Select(a => a.Text[(a.Text.LastIndexOf('/') + 1)..]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["<img src=x onerror=alert(2)>.txt", "<script>alert(1)<script>.txt"], names);
        Assert.False(Browser.HasDialog());
        Assert.Empty(Browser.FindAll(By.CssSelector("main img, main script")));

        // A newline in a streamed match: the same boxed label as the server draws, on one line.
        var pattern = Browser.Find(By.Id("pattern"));
        pattern.Clear();
        pattern.SendKeys("two*lines.txt");
        Browser.Find(By.XPath("//button[text()='Search']")).Click();
        Browser.WaitUntil(d => d.FindElement(By.CssSelector("p.count")).Text == "3 matches");
        Assert.All(Browser.FindAll(By.CssSelector("table.results tbody th a")), a => Assert.EndsWith("/hostile/twoLFlines.txt", a.Text, StringComparison.Ordinal));
        Assert.All(Browser.FindAll(By.CssSelector("table.results tbody th a span.ctl")), l => Assert.Equal("U+000A", l.GetAttribute("title")));

        pattern.Clear();
        pattern.SendKeys("[abc");
        Browser.Find(By.XPath("//button[text()='Search']")).Click();
        Browser.WaitUntil(d => d.FindElement(By.CssSelector("p.count")).Text is var text && text != "3 matches" && !text.StartsWith("Searching", StringComparison.Ordinal));
        Assert.Equal("'[abc' is not a valid pattern: '[abc' has an unclosed or empty character class, or ends in '\\'.", Browser.Find(By.CssSelector("p.count")).Text);
        Assert.Empty(Browser.FindAll(By.CssSelector("table.results tbody tr")));
    }
}
