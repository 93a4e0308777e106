using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Restic.Net.Extensions.DependencyInjection.Tests;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary><c>./build.sh console</c> as the README gives it (here without its build step): the console starts on the demo repository, and a printed key signs in.</summary>
[Collection(ConsoleCollection.Name)] // never beside the other browser tests (two cores)
public sealed partial class DemoTests
{
    [Fact(Timeout = 240000)]
    public async Task TheDemo_StartsTheConsoleOnItsRepository_AndThePrintedAdminKeySignsIn()
    {
        var port = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        using var folder = new TempDirectory("restic-net-demo-"); // not the checkout's artifacts/console-demo, which a person may be using
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = SourceCheckout.Root };
        foreach (var argument in new[] { "eng/console-demo.sh", "--no-build", "--urls", $"http://127.0.0.1:{port}", "--folder", folder.Path })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_NET_RESTIC_BINARY"] = TestRestic.BinaryPath;
        using var process = Process.Start(start)!; // its own process group: the script, dotnet run and the app stop together
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = new Uri($"http://127.0.0.1:{port}");
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (!await AnswersAsync(http))
            {
                Assert.False(process.HasExited || DateTime.UtcNow > deadline, "The demo did not start: " + Text(output));
                await Task.Delay(200);
            }

            var adminKey = AdminKey().Match(Text(output)).Groups["key"].Value;
            Assert.Matches("^[0-9a-f]{32}$", adminKey);
            using var downloads = new TempDirectory("restic-net-demo-downloads-");
            using var browser = new Support.Browser(address, downloads.Path);
            browser.SignIn(adminKey);

            Assert.Equal("Signed in as admin (admin)", browser.Find(By.CssSelector(".who")).Text);
            var row = browser.Find(By.XPath("//table//tr[th/a[text()='demo']]"));
            Assert.Equal("3", row.FindElement(By.CssSelector("td.number")).Text);
            Assert.Contains("readable", row.Text, StringComparison.Ordinal);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", "--", "-" + process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/console/sign-in");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"admin key:\s+(?<key>[0-9a-f]+)")]
    private static partial Regex AdminKey();
}
