using OpenQA.Selenium;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>A multi-selection restored from the browser, compared byte for byte with restic dump; the target's rules.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RestoreTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public async Task AnAdmin_RestoresASelection_IntoANewFolder_AndEveryFileMatchesResticDump()
    {
        var snapshot = console.Snapshots[1];
        var website = console.Source + "/projects/website";
        var target = Path.Combine(Path.GetDirectoryName(console.Source)!, "restores", Guid.NewGuid().ToString("N")[..8]);
        Browser.SignIn(ConsoleServer.AdminKey);
        Browser.Open(BrowseTests.BrowsePath(snapshot.Id, website));
        Browser.Find(By.CssSelector("input[aria-label='Select README.md']")).Click();
        Browser.Find(By.CssSelector("input[aria-label='Select assets']")).Click();
        Browser.Go(Browser.Find(By.XPath("//button[text()='Restore selected…']")));

        Assert.Equal("2 selected", Browser.Find(By.TagName("h2")).Text);
        Assert.True(Browser.Find(By.Id("overwrite-empty")).Selected); // the safe choice is the default
        Browser.Find(By.Id("target")).SendKeys(target);
        Browser.Go(Browser.Find(By.XPath("//button[text()='Start the restore']")));
        Browser.WaitForJob("succeeded");

        foreach (var file in new[] { "README.md", "assets/logo.bin", "assets/site.css" })
        {
            Assert.Equal(await console.DumpAsync(snapshot.Id, website + "/" + file), await File.ReadAllBytesAsync(target + website + "/" + file));
        }

        Assert.False(Directory.Exists(target + console.Source + "/many")); // only the selection
    }

    [Fact]
    public void ATargetOutsideTheAllowedRoots_OrNotEmptyWithoutAnOverwriteChoice_IsRefused_AndAnOperatorCannotRestore()
    {
        var snapshot = console.Snapshots[0].Id;
        var restorePage = $"/console/repositories/demo/snapshots/{snapshot}/restore?path={Uri.EscapeDataString(console.Source + "/deep")}";
        Browser.SignIn(ConsoleServer.OperatorKey);
        Browser.Open(BrowseTests.BrowsePath(snapshot, console.Source));
        Assert.Empty(Browser.FindAll(By.XPath("//button[text()='Restore selected…']")));
        Browser.Open(restorePage);
        Assert.Equal("Not allowed", Browser.Heading);

        Browser.SignIn(ConsoleServer.AdminKey);
        Browser.Open(restorePage);
        Browser.Find(By.Id("target")).SendKeys("/etc/restic-net-console-test");
        Browser.Go(Browser.Find(By.XPath("//button[text()='Start the restore']")));
        Assert.Contains("allowed", Browser.Find(By.CssSelector("[role=alert]")).Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists("/etc/restic-net-console-test"));

        Browser.Open(restorePage);
        Browser.Find(By.Id("target")).SendKeys(console.Source); // holds files: a restore would write over them
        Browser.Go(Browser.Find(By.XPath("//button[text()='Start the restore']")));
        Assert.Contains("already holds", Browser.Find(By.CssSelector("[role=alert]")).Text, StringComparison.Ordinal);
    }
}
