using OpenQA.Selenium;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>axe-core in every page of the console: no serious or critical finding. Also where the screenshots come from.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public void EveryPage_HasNoSeriousOrCriticalAxeFinding()
    {
        var snapshot = console.Snapshots[^1].Id;
        var findings = new List<string>();
        void Check(string page)
        {
            findings.AddRange(Browser.SeriousAccessibilityViolations().Select(v => page + ": " + v));
        }

        Browser.Driver.Manage().Cookies.DeleteAllCookies();
        Browser.Open("/console/sign-in");
        Check("sign-in");
        Browser.Screenshot("sign-in");

        Browser.SignIn(ConsoleServer.AdminKey);
        Assert.Equal("Dashboard", Browser.Heading);
        Browser.WaitForMeasurements();
        Check("dashboard");
        Browser.Screenshot("dashboard");

        Browser.Open($"/console/repositories/{ConsoleFixture.RepositoryName}/snapshots");
        Check("snapshots");

        Browser.Open(BrowseTests.BrowsePath(snapshot, console.Source + "/hostile"));
        Check("browse");

        Browser.Open(BrowseTests.FilePath(snapshot, console.Source + "/projects/website/README.md"));
        Check("file");

        Browser.Open($"/console/repositories/{ConsoleFixture.RepositoryName}/search?pattern=README.md");
        Check("search");

        Browser.Open($"/console/repositories/{ConsoleFixture.RepositoryName}/retention?keep_last=1");
        Check("retention");

        Browser.Open($"/console/repositories/{ConsoleFixture.RepositoryName}/maintenance");
        Check("maintenance");

        Browser.Open("/console/audit?outcome=succeeded");
        Check("audit");
        Browser.Screenshot("audit");

        Browser.Open($"/console/repositories/{ConsoleFixture.ScratchName}/backup");
        Check("backup");
        Browser.Go(Browser.Find(By.XPath("//button[text()='Start the backup']")));
        Check("job"); // running, or already ended and reloaded
        Browser.WaitForJob("succeeded");
        Check("job result");

        Browser.Open(BrowseTests.BrowsePath(snapshot, "/no/such/folder"));
        Assert.Equal("The snapshot has no such path.", Browser.Find(By.CssSelector("[role=alert]")).Text);
        Check("problem");

        Assert.Empty(findings);
    }
}
