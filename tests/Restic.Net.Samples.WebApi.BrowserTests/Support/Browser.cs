using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests.Support;

/// <summary>
/// Headless Chromium (Debian's, unpacked by eng/provision-browser.sh) driven by its matched ChromeDriver: nothing is
/// downloaded at run time. Downloads land in <see cref="DownloadFolder"/>. Screenshots go to the folder named by
/// RESTIC_NET_CONSOLE_SCREENSHOTS when it is set (eng/console-screenshots.sh), else nowhere.
/// </summary>
internal sealed class Browser : IDisposable
{
    private static readonly string s_chromium = Path.Combine(Tools.Folder, "chromium");

    private readonly ChromeDriver _driver;

    public Browser(Uri server, string downloadFolder)
    {
        Server = server;
        DownloadFolder = downloadFolder;
        Directory.CreateDirectory(downloadFolder);
        var binaries = Path.Combine(s_chromium, "usr", "lib", "chromium");
        if (!File.Exists(Path.Combine(binaries, "chromedriver")))
        {
            throw new InvalidOperationException($"No ChromeDriver in {binaries}: run eng/provision-browser.sh (./build.sh test does).");
        }

        // The libraries this machine lacks were unpacked beside the browser; the driver and the browser inherit this.
        var libraries = Path.Combine(s_chromium, "usr", "lib", "x86_64-linux-gnu");
        Environment.SetEnvironmentVariable("LD_LIBRARY_PATH", $"{libraries}:{Path.Combine(libraries, "pulseaudio")}");

        var service = ChromeDriverService.CreateDefaultService(binaries, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Path.Combine(binaries, "chromium") };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
        options.AddUserProfilePreference("download.default_directory", downloadFolder);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        options.AddUserProfilePreference("safebrowsing.enabled", false);
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        _driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
    }

    public Uri Server { get; }

    public string DownloadFolder { get; }

    public IWebDriver Driver => _driver;

    public void Open(string pathAndQuery) => _driver.Navigate().GoToUrl(new Uri(Server, pathAndQuery));

    /// <summary>Signs in through the form, as a person does; a fresh session each time.</summary>
    public void SignIn(string key)
    {
        _driver.Manage().Cookies.DeleteAllCookies();
        Open("/console/sign-in");
        _driver.FindElement(By.Id("key")).SendKeys(key);
        _driver.FindElement(By.CssSelector("form.sign-in button[type=submit]")).Click();
        WaitUntil(d => d.FindElements(By.CssSelector(".who, [role=alert]")).Count > 0); // the next page, or the refusal
    }

    /// <summary>Clicks a link or button that opens another page, and waits until that page has replaced this one.</summary>
    public void Go(IWebElement target)
    {
        // A mark on this page's window: gone once another document has replaced it.
        var mark = Guid.NewGuid().ToString("N");
        _driver.ExecuteScript("window.__consoleTestPage = arguments[0];", mark);
        target.Click();
        WaitUntil(driver =>
        {
            try
            {
                return ((IJavaScriptExecutor)driver).ExecuteScript("return window.__consoleTestPage === arguments[0] ? 'same' : document.readyState;", mark) as string == "complete";
            }
            catch (WebDriverException)
            {
                return false; // the old document is going away under the script
            }
        }, TimeSpan.FromSeconds(30));
    }

    /// <summary>On a job's page: waits (90 s at most) until the job has ended, and asserts how; a failure shows the job's error.</summary>
    public void WaitForJob(string expected)
    {
        WaitUntil(d => d.FindElement(By.CssSelector(".job-state")).Text != "running", TimeSpan.FromSeconds(90));
        var state = _driver.FindElement(By.CssSelector(".job-state")).Text;
        Assert.True(state == expected, $"The job ended {state}, not {expected}: {_driver.FindElement(By.CssSelector("dl.facts")).Text}");
    }

    /// <summary>
    /// Opens the dashboard and reloads it (2 minutes at most) until every readable repository shows its size,
    /// deduplication and locks: the background measurement has run (and released its shared lock).
    /// </summary>
    public void WaitForMeasurements()
    {
        Open("/console");
        WaitUntil(d =>
        {
            if (d.FindElements(By.CssSelector("td.measuring")).Count == 0)
            {
                return true;
            }

            Thread.Sleep(250);
            d.Navigate().Refresh();
            return false;
        }, TimeSpan.FromMinutes(2));
    }

    /// <summary>Waits (10 s unless told) until the condition holds in the current page; a reload under it is waited out.</summary>
    public void WaitUntil(Func<IWebDriver, bool> condition, TimeSpan? timeout = null)
    {
        var wait = new WebDriverWait(_driver, timeout ?? TimeSpan.FromSeconds(10));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        wait.Until(condition);
    }

    public IWebElement Find(By by) => _driver.FindElement(by);

    public IReadOnlyCollection<IWebElement> FindAll(By by) => _driver.FindElements(by);

    /// <summary>The link whose visible text is exactly this.</summary>
    public IWebElement Link(string text) => _driver.FindElement(By.LinkText(text));

    public string Heading => _driver.FindElement(By.TagName("h1")).Text;

    /// <summary>True when the page raised a dialog (an alert() that markup in a name would run).</summary>
    public bool HasDialog()
    {
        try
        {
            _ = _driver.SwitchTo().Alert().Text;
            return true;
        }
        catch (NoAlertPresentException)
        {
            return false;
        }
    }

    /// <summary>Waits for a finished download of this name (Chromium writes *.crdownload first) and returns its path.</summary>
    public string WaitForDownload(string fileName, TimeSpan? timeout = null)
    {
        var path = Path.Combine(DownloadFolder, fileName);
        var wait = new DefaultWait<string>(path) { Timeout = timeout ?? TimeSpan.FromSeconds(60), PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.Until(p => File.Exists(p) && !File.Exists(p + ".crdownload") ? p : null);
        return path;
    }

    /// <summary>
    /// Runs axe-core (from npm, eng/provision-browser.sh) in the page; returns its serious and critical violations.
    /// A page that replaces itself under the run (a job's page reloads when the job ends) is checked again once it
    /// has loaded: ChromeDriver reports such a run as a script timeout.
    /// </summary>
    public IReadOnlyList<string> SeriousAccessibilityViolations()
    {
        var mark = Guid.NewGuid().ToString("N");
        try
        {
            _driver.ExecuteScript("window.__consoleAxePage = arguments[0];", mark);
            return RunAxe();
        }
        catch (WebDriverException) when (PageWasReplaced(mark))
        {
            WaitUntil(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState;") as string == "complete", TimeSpan.FromSeconds(30));
            return RunAxe();
        }
    }

    private bool PageWasReplaced(string mark)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                return _driver.ExecuteScript("return window.__consoleAxePage === arguments[0];", mark) is not true;
            }
            catch (WebDriverException)
            {
                Thread.Sleep(100); // the old document is going away under the script
            }
        }

        return false;
    }

    private List<string> RunAxe()
    {
        var axe = File.ReadAllText(Path.Combine(Tools.Folder, "axe-core", "node_modules", "axe-core", "axe.min.js"));
        _driver.ExecuteScript(axe);
        var json = (string?)_driver.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "axe.run(document, { resultTypes: ['violations'] })" +
            ".then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })))))" +
            ".catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));");
        using var document = JsonDocument.Parse(json ?? "[]");
        return [.. document.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }

    /// <summary>Saves a screenshot of the page when RESTIC_NET_CONSOLE_SCREENSHOTS names a folder.</summary>
    public void Screenshot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("RESTIC_NET_CONSOLE_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            _driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }

    public void Dispose() => _driver.Quit();
}
