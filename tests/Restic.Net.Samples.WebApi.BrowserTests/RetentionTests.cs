using System.Text.Json;
using OpenQA.Selenium;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>The retention preview against restic's own dry run, and a prune only after the count is typed.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RetentionTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Theory]
    [InlineData("retention?keep_last=99999999999&keep_daily=x", "keep_daily, keep_last")]
    [InlineData("retention?keep_last=2", null)]
    [InlineData("search?pattern=x&ignore_case=maybe", "ignore_case")]
    public void A_value_the_page_cannot_read_is_refused_by_name_not_taken_as_none(string page, string? names)
    {
        // Too large for a number, or not one: the page says which, and shows no preview made without it.
        Browser.SignIn(ConsoleServer.OperatorKey);
        Browser.Open($"/console/repositories/{ConsoleFixture.RepositoryName}/{page}");
        var alerts = Browser.FindAll(By.CssSelector("[role=alert]"));
        if (names is null)
        {
            Assert.Empty(alerts);
            Assert.NotEmpty(Browser.FindAll(By.CssSelector("table.retention tr.keep")));
            return;
        }

        Assert.Equal($"{names}: not a value this page can read. Correct the address or the form and try again.", Assert.Single(alerts).Text);
        Assert.Empty(Browser.FindAll(By.CssSelector("table.retention tr")));
    }

    [Theory]
    [InlineData("keep_last", "1", "--keep-last", "1")]
    [InlineData("keep_daily", "1", "--keep-daily", "1")]
    [InlineData("keep_last", "5", "--keep-last", "5")]
    public async Task ThePreview_MarksWhatResticForgetDryRunKeepsAndRemoves(string field, string value, string flag, string count)
    {
        Browser.SignIn(ConsoleServer.OperatorKey);
        Browser.Open($"/console/repositories/{ConsoleFixture.RepositoryName}/snapshots");
        Browser.Go(Browser.Link("Retention preview"));
        Browser.Find(By.Id(field)).SendKeys(value);
        Browser.Go(Browser.Find(By.XPath("//button[text()='Preview']")));

        using var dryRun = JsonDocument.Parse(await TestRestic.RunAsync(console.Repository, console.Cache, "forget", "--dry-run", "--json", flag, count));
        var keep = dryRun.RootElement.EnumerateArray().SelectMany(g => Ids(g, "keep")).Order(StringComparer.Ordinal).ToList();
        var remove = dryRun.RootElement.EnumerateArray().SelectMany(g => Ids(g, "remove")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(keep, Browser.FindAll(By.CssSelector("table.retention tr.keep")).Select(r => r.GetAttribute("data-snapshot")!).Order(StringComparer.Ordinal));
        Assert.Equal(remove, Browser.FindAll(By.CssSelector("table.retention tr.remove")).Select(r => r.GetAttribute("data-snapshot")!).Order(StringComparer.Ordinal));
        Assert.Equal(keep.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Browser.Find(By.CssSelector(".kept-count")).Text);
        Assert.All(Browser.FindAll(By.CssSelector("table.retention tr.keep td:last-child")), reason => Assert.Contains(field.Replace('_', ' ')[5..], reason.Text, StringComparison.Ordinal));
        Assert.Empty(Browser.FindAll(By.Id("confirm"))); // removing is an admin's; an operator only previews
        Assert.Equal(3, SnapshotCount(console.Repository)); // a preview removes nothing
        if (field == "keep_last" && value == "1")
        {
            Browser.Screenshot("retention-preview");
        }
    }

    [Fact]
    public async Task AnAdmin_RemovesSnapshots_OnlyAfterTypingHowMany_ThenThePruneRunsAsAJob()
    {
        await TestRestic.RunAsync(console.Scratch, console.Cache, "backup", "--host", ConsoleFixture.Host, "--tag", "scratch", console.ScratchSource);
        await TestRestic.RunAsync(console.Scratch, console.Cache, "backup", "--host", ConsoleFixture.Host, "--tag", "scratch", console.ScratchSource);
        var before = SnapshotCount(console.Scratch);
        Browser.SignIn(ConsoleServer.AdminKey);
        Browser.Open($"/console/repositories/{ConsoleFixture.ScratchName}/retention?keep_last=1");
        Assert.Equal((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Browser.Find(By.CssSelector(".removed-count")).Text);

        Browser.Find(By.Id("confirm")).SendKeys((before - 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Browser.Go(Browser.Find(By.CssSelector("form.confirm button[type=submit]")));
        Assert.Equal($"Type {before - 1}, the number of snapshots this policy removes now, to confirm.", Browser.Find(By.CssSelector("[role=alert]")).Text);
        Assert.Equal(before, SnapshotCount(console.Scratch));

        Browser.Find(By.Id("confirm")).SendKeys((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Browser.Go(Browser.Find(By.CssSelector("form.confirm button[type=submit]")));
        Browser.WaitForJob("succeeded");
        Assert.StartsWith($"Removed {before - 1} snapshots", Browser.Find(By.CssSelector(".job-result")).Text, StringComparison.Ordinal);
        Assert.Equal(1, SnapshotCount(console.Scratch));
    }

    private static IEnumerable<string> Ids(JsonElement group, string list) =>
        group.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().Select(s => s.GetProperty("id").GetString()!) : [];

    private int SnapshotCount(string repository) =>
        JsonDocument.Parse(TestRestic.RunAsync(repository, console.Cache, "snapshots", "--json").GetAwaiter().GetResult()).RootElement.GetArrayLength();
}
