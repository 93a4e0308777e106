using System.Globalization;
using System.Text.Json;
using OpenQA.Selenium;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>The dashboard's size, deduplication and locks: measured in the background, equal to restic's own stats.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DashboardTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public async Task EachRepository_ShowsItsDeduplicationAndLocks_AsResticStatsAndListLocksSay()
    {
        Browser.SignIn(ConsoleServer.ViewerKey);
        Browser.WaitForMeasurements();

        using var restore = JsonDocument.Parse(await TestRestic.RunAsync(console.Repository, console.Cache, "stats", "--json", "--mode", "restore-size"));
        using var raw = JsonDocument.Parse(await TestRestic.RunAsync(console.Repository, console.Cache, "stats", "--json", "--mode", "raw-data"));
        var unique = raw.RootElement.TryGetProperty("total_uncompressed_size", out var uncompressed) ? uncompressed.GetInt64() : raw.RootElement.GetProperty("total_size").GetInt64();
        var ratio = (double)restore.RootElement.GetProperty("total_size").GetInt64() / unique;

        var row = Browser.Find(By.XPath($"//table[@class='grid']//tr[th/a[text()='{ConsoleFixture.RepositoryName}']]"));
        Assert.Equal($"{ratio.ToString("0.0", CultureInfo.CurrentCulture)}×", row.FindElement(By.CssSelector("td.dedup")).Text);
        Assert.NotEmpty(row.FindElement(By.CssSelector("td.size")).Text);
        Assert.NotEmpty(row.FindElement(By.CssSelector("td.stored")).Text);
        Assert.Equal("0", row.FindElement(By.CssSelector("td.locks")).Text);
    }
}
