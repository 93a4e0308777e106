using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>Backup now from the console: roles, live progress, the new snapshot, and cancel. On the scratch repository.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BackupTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public async Task AViewer_SeesNoWriteControl_AndTheServerRefusesTheWritesAllTheSame()
    {
        var before = await SnapshotCountAsync();
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.Open(ConsoleSnapshots);
        Assert.Empty(Browser.FindAll(By.LinkText("Back up now")));
        Assert.Empty(Browser.FindAll(By.LinkText("Retention preview")));

        Browser.Open($"/console/repositories/{ConsoleFixture.ScratchName}/backup");
        Assert.Equal("Not allowed", Browser.Heading);

        // A viewer's own session and antiforgery token, posting what an operator's form would post.
        using var http = new DownloadTests(console).SessionClient();
        var token = Browser.Find(By.CssSelector("input[name=__RequestVerificationToken]")).GetAttribute("value")!;
        using var post = await http.PostAsync($"/console/repositories/{ConsoleFixture.ScratchName}/backup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Paths"] = console.ScratchSource,
            ["Tags"] = "",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/console/denied", new Uri(Browser.Server, post.Headers.Location!).AbsolutePath);
        Assert.Equal(before, await SnapshotCountAsync());
        Browser.Open($"/console/repositories/{ConsoleFixture.ScratchName}/retention?keep_last=1");
        Assert.Equal("Not allowed", Browser.Heading); // even the preview runs restic: operators and admins only
    }

    [Fact]
    public async Task AnOperator_BacksUpNow_SeesTheJobSucceed_AndTheNewSnapshotOnTheTimeline()
    {
        var before = await SnapshotCountAsync();
        Browser.SignIn(ConsoleServer.OperatorKey);
        Browser.Open(ConsoleSnapshots);
        Browser.Go(Browser.Link("Back up now"));

        Assert.Equal(console.ScratchSource, Browser.Find(By.Id("paths")).GetAttribute("value")); // the last snapshot's paths
        Assert.Equal("scratch", Browser.Find(By.Id("tags")).GetAttribute("value"));
        Browser.Go(Browser.Find(By.XPath("//button[text()='Start the backup']")));

        Browser.WaitForJob("succeeded");
        var result = Browser.Find(By.CssSelector(".job-result")).Text;
        Assert.Matches("^Snapshot [0-9a-f]{8} saved\\.$", result);
        Assert.Equal(before + 1, await SnapshotCountAsync());

        Browser.Open(ConsoleSnapshots);
        Assert.Equal(before + 1, Browser.FindAll(By.CssSelector(".timeline tbody tr")).Count);
        Assert.Contains(result.Split(' ')[1], Browser.FindAll(By.CssSelector(".timeline tbody th a")).Select(a => a.Text));
    }

    [Fact]
    public async Task ALongBackup_ShowsLiveProgress_AndCancelStopsIt_WithoutASnapshot()
    {
        var big = Path.Combine(console.ScratchSource, "..", "big-src");
        Directory.CreateDirectory(big);
        await using (var file = File.Create(Path.Combine(big, "random.bin")))
        {
            var buffer = new byte[1 << 20];
            for (var i = 0; i < 768; i++)
            {
                RandomNumberGenerator.Fill(buffer); // incompressible, so restic takes its time
                await file.WriteAsync(buffer);
            }
        }

        try
        {
            var before = await SnapshotCountAsync();
            Browser.SignIn(ConsoleServer.OperatorKey);
            Browser.Open($"/console/repositories/{ConsoleFixture.ScratchName}/backup");
            var paths = Browser.Find(By.Id("paths"));
            paths.Clear();
            paths.SendKeys(Path.GetFullPath(big));
            Browser.Go(Browser.Find(By.XPath("//button[text()='Start the backup']")));

            // Progress arrives while restic runs: the bar moves and the numbers name files and bytes.
            Browser.WaitUntil(d => d.FindElement(By.CssSelector(".job-numbers")).Text.Contains(" files", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            Assert.Equal("running", Browser.Find(By.CssSelector(".job-state")).Text);
            Browser.Screenshot("backup-progress");

            // The dashboard lists the running job and follows its progress live.
            var jobPage = new Uri(Browser.Driver.Url).AbsolutePath;
            Browser.Open("/console");
            var entry = Browser.Find(By.XPath($"//li[@class='running-job'][a[@href='{jobPage}']]"));
            var first = entry.FindElement(By.CssSelector(".job-percent")).Text;
            Browser.WaitUntil(_ => entry.FindElement(By.CssSelector(".job-percent")).Text is var now && now != first && Regex.IsMatch(now, "^, [0-9]+% done$"), TimeSpan.FromSeconds(60));
            Browser.Go(entry.FindElement(By.TagName("a")));

            Browser.Go(Browser.Find(By.XPath("//button[text()='Cancel the job']")));
            Browser.WaitForJob("cancelled");
            Assert.Equal(before, await SnapshotCountAsync());
            Assert.Empty(await TestRestic.RunAsync(console.Scratch, console.Cache, "list", "locks")); // restic stopped gracefully: no stale lock
        }
        finally
        {
            Directory.Delete(big, recursive: true);
        }
    }

    private static string ConsoleSnapshots => $"/console/repositories/{ConsoleFixture.ScratchName}/snapshots";

    private async Task<int> SnapshotCountAsync() =>
        System.Text.Json.JsonDocument.Parse(await TestRestic.RunAsync(console.Scratch, console.Cache, "snapshots", "--json")).RootElement.GetArrayLength();
}
