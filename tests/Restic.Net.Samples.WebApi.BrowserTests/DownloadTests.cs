using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using OpenQA.Selenium;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>Downloads through the browser, compared byte for byte with <c>restic dump</c>; file versions.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DownloadTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public async Task AFile_DownloadsFromItsPage_ByteIdenticalToResticDump()
    {
        var snapshot = console.Snapshots[^1].Id;
        var path = console.Source + "/projects/website/assets/logo.bin";
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open(BrowseTests.FilePath(snapshot, path));
        Assert.Equal("logo.bin", Browser.Heading);
        ClearDownloads();

        Browser.Link("Download logo.bin").Click(); // a download: the page stays

        Assert.Equal(await console.DumpAsync(snapshot, path), await File.ReadAllBytesAsync(Browser.WaitForDownload("logo.bin")));
    }

    [Fact]
    public async Task AFileWithMarkupInItsName_DownloadsUnderASafeName_ByteIdentical()
    {
        var snapshot = console.Snapshots[0].Id;
        var path = console.Source + "/hostile/\"quoted\" & 'single'.txt";
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open(BrowseTests.BrowsePath(snapshot, console.Source + "/hostile"));
        ClearDownloads();

        Browser.Find(By.CssSelector("a[aria-label=\"Download \\\"quoted\\\" & 'single'.txt\"]")).Click();

        // The quotes become underscores in the saved name; the bytes stay the snapshot's.
        Assert.Equal(await console.DumpAsync(snapshot, path), await File.ReadAllBytesAsync(Browser.WaitForDownload("_quoted_ & 'single'.txt")));
    }

    [Fact]
    public async Task TheReadme_HasThreeVersions_NewestFirst_EachDownloadingItsOwnContent()
    {
        var path = console.Source + "/projects/website/README.md";
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open(BrowseTests.FilePath(console.Snapshots[^1].Id, path));

        var rows = Browser.FindAll(By.CssSelector("table.versions tbody tr"));
        Assert.Equal(3, rows.Count);
        Assert.Contains("current", rows.First().GetAttribute("class") ?? "", StringComparison.Ordinal);
        Browser.Screenshot("file-versions");

        ClearDownloads();
        rows.Last().FindElement(By.LinkText("Download")).Click();
        Assert.Equal(await console.DumpAsync(console.Snapshots[0].Id, path), await File.ReadAllBytesAsync(Browser.WaitForDownload("README.md")));
        Assert.Equal("# Website\n\nFirst edition.\n", await File.ReadAllTextAsync(Path.Combine(Browser.DownloadFolder, "README.md")));
    }

    [Fact]
    public async Task ASelection_DownloadsAsOneZip_WhoseFilesAreByteIdenticalToResticDump()
    {
        var snapshot = console.Snapshots[1].Id;
        var website = console.Source + "/projects/website";
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open(BrowseTests.BrowsePath(snapshot, website));
        ClearDownloads();

        Browser.Find(By.CssSelector("input[aria-label='Select README.md']")).Click();
        Browser.Find(By.CssSelector("input[aria-label='Select assets']")).Click();
        var button = Browser.Find(By.CssSelector("form.listing button[type=submit]"));
        Assert.Equal("Download 2 selected as zip", button.Text);
        button.Click();

        using var zip = ZipFile.OpenRead(Browser.WaitForDownload($"snapshot-{console.Snapshots[1].ShortId}.zip"));
        Assert.Equal(["README.md", "assets/", "assets/logo.bin", "assets/site.css"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            Assert.Equal(await console.DumpAsync(snapshot, website + "/" + entry.FullName), content.ToArray());
        }
    }

    [Fact]
    public async Task ADownload_AnswersRanges_WithTheSnapshotsBytes()
    {
        var snapshot = console.Snapshots[^1].Id;
        var path = console.Source + "/projects/website/assets/logo.bin";
        Browser.SignIn(ConsoleServer.ViewerKey);
        using var http = SessionClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/console/repositories/demo/snapshots/{snapshot}/download?path={Uri.EscapeDataString(path)}");
        request.Headers.Range = new RangeHeaderValue(100_000, 100_999);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 100000-100999/300000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal((await console.DumpAsync(snapshot, path))[100_000..101_000], await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>An HTTP client carrying the browser's session cookie (for what a browser does not show: ranges, headers).</summary>
    internal HttpClient SessionClient()
    {
        var cookies = new CookieContainer();
        foreach (var cookie in Browser.Driver.Manage().Cookies.AllCookies)
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, Browser.Server.Host));
        }

        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Browser.Server };
    }

    private void ClearDownloads()
    {
        foreach (var file in Directory.EnumerateFiles(Browser.DownloadFolder))
        {
            File.Delete(file);
        }
    }
}
