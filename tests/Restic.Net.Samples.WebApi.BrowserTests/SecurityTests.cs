using System.Net;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>The console's security rules, one test each, over HTTP with a real session cookie.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SecurityTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public async Task EveryConsolePage_SendsAContentSecurityPolicyWithoutInlineScript()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        using var http = new DownloadTests(console).SessionClient();
        foreach (var page in new[] { "/console", "/console/sign-in", $"/console/repositories/demo/snapshots", BrowseTests.BrowsePath(console.Snapshots[0].Id, "/") })
        {
            using var response = await http.GetAsync(page);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Theory]
    [InlineData("/../etc/passwd")]
    [InlineData("/a/./b")]
    [InlineData("//etc")]
    [InlineData("relative/path")]
    public async Task APathThatWouldLeaveOrBlurTheSnapshot_IsRefused(string path)
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        using var http = new DownloadTests(console).SessionClient();
        var snapshot = console.Snapshots[0].Id;

        using var browse = await http.GetAsync(BrowseTests.BrowsePath(snapshot, path));
        using var download = await http.GetAsync($"/console/repositories/demo/snapshots/{snapshot}/download?path={Uri.EscapeDataString(path)}");
        using var archive = await http.GetAsync($"/console/repositories/demo/snapshots/{snapshot}/archive?path={Uri.EscapeDataString(path)}");

        Assert.Equal(HttpStatusCode.BadRequest, browse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, archive.StatusCode);
    }

    [Fact]
    public async Task DownloadsAndPages_WithoutASession_GoToSignIn_AndTheApiRefusesTheSessionCookie()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Browser.Server };
        using var download = await anonymous.GetAsync($"/console/repositories/demo/snapshots/{console.Snapshots[0].Id}/download?path=%2Fetc");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Equal("/console/sign-in", new Uri(Browser.Server, download.Headers.Location!).AbsolutePath);

        Browser.SignIn(ConsoleServer.AdminKey);
        using var http = new DownloadTests(console).SessionClient();
        using var api = await http.GetAsync("/api/v1/backups/restic/repositories");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode); // the API takes X-Api-Key only: a cookie cannot call it cross-site
    }

    [Fact]
    public async Task SigningOut_WithoutTheAntiforgeryToken_IsRefused()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        using var http = new DownloadTests(console).SessionClient();

        using var response = await http.PostAsync("/console/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/console")).StatusCode); // still signed in
    }

    [Fact]
    public void SignIn_RedirectsOnlyBackIntoTheConsole()
    {
        Browser.Driver.Manage().Cookies.DeleteAllCookies();
        Browser.Open("/console/sign-in?returnUrl=" + Uri.EscapeDataString("https://evil.example/"));
        Browser.Driver.FindElement(OpenQA.Selenium.By.Id("key")).SendKeys(ConsoleServer.ViewerKey);
        Browser.Go(Browser.Driver.FindElement(OpenQA.Selenium.By.CssSelector("form.sign-in button[type=submit]")));

        Assert.Equal(new Uri(Browser.Server, "/console"), new Uri(Browser.Driver.Url));
    }

    [Fact]
    public async Task AFolder_IsNotAFileDownload_AndAnUnknownRepositoryIsNotFound()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        using var http = new DownloadTests(console).SessionClient();

        using var folder = await http.GetAsync($"/console/repositories/demo/snapshots/{console.Snapshots[0].Id}/download?path={Uri.EscapeDataString(console.Source)}");
        using var unknown = await http.GetAsync($"/console/repositories/nope/snapshots");

        Assert.Equal(HttpStatusCode.BadRequest, folder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
