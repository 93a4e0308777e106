using OpenQA.Selenium;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>Signing in and out as each role, in the browser.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Theory]
    [InlineData(ConsoleServer.ViewerKey, "ann-viewer", "viewer")]
    [InlineData(ConsoleServer.OperatorKey, "olaf-operator", "operator")]
    [InlineData(ConsoleServer.AdminKey, "ada-admin", "admin")]
    public void EachRole_SignsIn_SeesTheDashboardUnderItsName_AndSignsOut(string key, string name, string role)
    {
        Browser.SignIn(key);

        Assert.Equal("Dashboard", Browser.Heading);
        Assert.Equal($"Signed in as {name} ({role})", Browser.Find(By.CssSelector(".who")).Text);
        var row = Browser.Find(By.XPath("//table//tr[th/a[text()='demo']]"));
        Assert.Contains("readable", row.Text, StringComparison.Ordinal);
        Assert.Equal("3", row.FindElement(By.CssSelector("td.number")).Text);
        Assert.Contains(ConsoleFixture.Host, row.Text, StringComparison.Ordinal);

        Browser.Go(Browser.Find(By.XPath("//button[text()='Sign out']")));
        Assert.Equal("Sign in", Browser.Heading);
        Browser.Open("/console");
        Assert.Equal("Sign in", Browser.Heading); // the session is gone, not only the page
    }

    [Fact]
    public void AWrongKey_IsRefused_WithAnAlert_AndNoSession()
    {
        Browser.SignIn("not-a-key-of-this-server");

        Assert.Equal("That key is not valid.", Browser.Find(By.CssSelector("[role=alert]")).Text);
        Assert.Null(Browser.Driver.Manage().Cookies.GetCookieNamed("restic-console"));
    }

    [Fact]
    public void APageOpenedWithoutASession_AsksForTheKey_ThenShowsThatPage()
    {
        Browser.Driver.Manage().Cookies.DeleteAllCookies();
        Browser.Open($"/console/repositories/{ConsoleFixture.RepositoryName}/snapshots");
        Assert.Equal("Sign in", Browser.Heading);

        Browser.Find(By.Id("key")).SendKeys(ConsoleServer.ViewerKey);
        Browser.Go(Browser.Find(By.CssSelector("form.sign-in button[type=submit]")));

        Assert.Equal("Snapshots of demo", Browser.Heading);
    }

    [Fact]
    public void TheSessionCookie_IsHttpOnly_SameSiteStrict_AndHoldsNoKey()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);

        var cookie = Browser.Driver.Manage().Cookies.GetCookieNamed("restic-console");
        Assert.NotNull(cookie);
        Assert.True(cookie.IsHttpOnly);
        Assert.Equal("Strict", cookie.SameSite);
        Assert.Equal("/console", cookie.Path);
        Assert.DoesNotContain(ConsoleServer.ViewerKey, cookie.Value, StringComparison.Ordinal);
        Assert.Equal("", (string?)((IJavaScriptExecutor)Browser.Driver).ExecuteScript("return document.cookie.split('; ').filter(c => c.startsWith('restic-console=')).join('')")); // out of script's reach
    }
}
