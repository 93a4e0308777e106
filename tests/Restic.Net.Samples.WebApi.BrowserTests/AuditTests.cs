using OpenQA.Selenium;
using Restic.Net.Samples.WebApi.BrowserTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>The audit trail holds the console's own actions, its filters narrow it, and only admins read it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AuditTests(ConsoleFixture console)
{
    private Browser Browser => console.Browser;

    [Fact]
    public void AnOperatorsCheck_IsInTheTrail_UnderTheirName_AndTheFiltersNarrowIt()
    {
        Browser.SignIn(ConsoleServer.OperatorKey);
        Browser.Open($"/console/audit");
        Assert.Equal("Not allowed", Browser.Heading); // the trail is an admin's
        Browser.Open($"/console/repositories/{ConsoleFixture.ScratchName}/maintenance");
        Browser.Find(By.Id("read_data_subset")).SendKeys("0%"); // refused: a failure in the trail
        Browser.Go(Browser.Find(By.XPath("//button[text()='Check the repository']")));
        Browser.Find(By.Id("read_data_subset")).Clear();
        Browser.Go(Browser.Find(By.XPath("//button[text()='Check the repository']")));
        Browser.WaitForJob("succeeded");
        var job = new Uri(Browser.Driver.Url).AbsolutePath.Split('/')[^1];

        Browser.SignIn(ConsoleServer.AdminKey);
        Browser.Open("/console/audit");
        Browser.Find(By.Id("user")).FindElement(By.CssSelector("option[value='olaf-operator']")).Click();
        Browser.Find(By.Id("text")).SendKeys("#Check");
        Browser.Go(Browser.Find(By.XPath("//button[text()='Filter']")));

        var rows = Browser.FindAll(By.CssSelector("table.audit tbody tr"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("#Check", r.FindElement(By.CssSelector(".action")).Text, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Text.Contains("olaf-operator", StringComparison.Ordinal)
            && r.Text.Contains(ConsoleFixture.ScratchName, StringComparison.Ordinal)
            && r.Text.Contains("job " + job[..8], StringComparison.Ordinal));

        Browser.Open("/console/audit?outcome=failed&user=olaf-operator");
        var failed = Browser.FindAll(By.CssSelector("table.audit tbody tr"));
        Assert.All(failed, r => Assert.True(int.Parse(r.FindElement(By.CssSelector("td.result")).Text, System.Globalization.CultureInfo.InvariantCulture) >= 400));
        Assert.Contains(failed, r => r.FindElement(By.CssSelector(".action")).Text.EndsWith("#Check", StringComparison.Ordinal) && r.FindElement(By.CssSelector("td.result")).Text == "400");

        // A sign-in is recorded under the name of the key that signed in.
        Browser.Open("/console/audit?user=olaf-operator&text=sign-in");
        Assert.Contains(Browser.FindAll(By.CssSelector("table.audit tbody tr")), r => r.FindElement(By.CssSelector(".action")).Text == "POST /console/sign-in" && r.FindElement(By.CssSelector("td.result")).Text == "302");

        // The users offered are the configured keys' and "anonymous"; a name no key has any more, given in the address,
        // is offered (and chosen) too, so its entries stay reachable.
        var offered = Browser.FindAll(By.CssSelector("#user option")).Select(o => o.GetAttribute("value")).Where(v => v?.Length > 0).ToList();
        Assert.Subset(new HashSet<string?>(offered), new HashSet<string?> { "olaf-operator", "anonymous" });
        Browser.Open("/console/audit?user=a-key-removed-since");
        Assert.Equal("a-key-removed-since", Browser.Find(By.CssSelector("#user option:checked")).GetAttribute("value"));
        Assert.Empty(Browser.FindAll(By.CssSelector("table.audit tbody tr")));

        Browser.Open("/console/audit?since=not-a-day");
        Assert.Equal("Give the first day as yyyy-MM-dd.", Browser.Find(By.CssSelector("[role=alert]")).Text);
    }
}
