using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Restic.Net;

/// <summary>
/// The web console's folder target in a real browser (docs/benchmarks.md, "Web console"): the web API sample started
/// as its README shows, on the end-to-end repository (a 200,000-file snapshot of 200 folders of 1,000 files), and
/// headless Chromium (eng/provision-browser.sh) signed in. Measured in the page (PerformanceNavigationTiming: from the
/// click's navigation start to the end of the load event, so the server's answer, the transfer and the rendering):
///  - the first folder after the server started: key derivation and index load included;
///  - then <c>folders</c> further folders, each a new page, for the median and the 95th percentile;
///  - beside them, <c>restic ls</c> of the same folder as a whole process (what a console that runs restic per click
///    pays), interleaved.
/// Usage: console [work folder, default artifacts/e2e] [folders, default 40]
/// </summary>
internal static class ConsoleHarness
{
    private const string Key = "benchmark-console-admin-key";

    // One file per 200k snapshot: its first match comes from the newest snapshot that holds it.
    private const string SearchPattern = "file-0777.txt";

    private static readonly List<(double Server, double Transfer, double Browser, double Bytes)> s_parts = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var work = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("artifacts", "e2e"));
        var folders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        var restic = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") ?? "restic";
        var root = FindRoot();
        var tools = Environment.GetEnvironmentVariable("RESTIC_NET_TEST_TOOLS") ?? Path.Combine(root, ".tools");
        var repository = Path.Combine(work, "repo");
        var cache = Path.Combine(work, "cache");

        await using var cli = new ResticClient(new ResticClientOptions
        {
            Repository = new LocalRepository(repository),
            Password = ResticPassword.FromValue(EndToEndHarness.Password),
            BinaryPath = restic,
            CacheDirectory = cache,
        });
        var version = await cli.GetVersionAsync();
        await EndToEndHarness.EnsureRepositoryAsync(cli, work, repository);
        var large = (await cli.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["large"] }, Latest = 1 }))[^1];

        var state = Directory.CreateTempSubdirectory("restic-net-console-bench-");
        try
        {
            var passwordFile = Path.Combine(state.FullName, "password");
            await File.WriteAllTextAsync(passwordFile, EndToEndHarness.Password);
            var port = FreePort();
            using var server = StartServer(root, state.FullName, restic, repository, passwordFile, port);
            try
            {
            var address = new Uri($"http://127.0.0.1:{port}");
            await WaitUntilAnswersAsync(address, server);

            using var browser = StartBrowser(tools);
            browser.Navigate().GoToUrl(new Uri(address, "/console/sign-in"));
            browser.FindElement(By.Id("key")).SendKeys(Key);
            browser.FindElement(By.CssSelector("form.sign-in button[type=submit]")).Click();

            string Url(int folder) => $"{address}console/repositories/e2e/snapshots/{large.Id}/browse?path={Uri.EscapeDataString($"{large.Paths[0]}/d{folder:000}")}";
            var first = Open(browser, Url(0));
            s_parts.Clear();
            var order = Enumerable.Range(1, 199).OrderBy(i => (i * 7919) % 199).Take(folders).ToList();
            var warm = new List<double>();
            var cli_ = new List<double>();
            foreach (var folder in order)
            {
                warm.Add(Open(browser, Url(folder)));
                if (cli_.Count < 5)
                {
                    cli_.Add(await ResticLsAsync(restic, repository, cache, large.Id.ToString(), $"{large.Paths[0]}/d{folder:000}"));
                }
            }

            var rows = browser.FindElements(By.CssSelector("table.entries tbody tr")).Count;

            // Search across every snapshot (50 of them are the 200k tree): the stream the search page reads, timed in
            // the page from the request to its first match and to its end.
            var snapshotCount = (await cli.GetSnapshotsAsync()).Count;
            browser.Navigate().GoToUrl(new Uri(address, "/console/repositories/e2e/search"));
            var search = (IReadOnlyDictionary<string, object>)browser.ExecuteAsyncScript(
                "const done = arguments[arguments.length - 1];" +
                "const started = performance.now(); let first = null, lines = 0;" +
                "fetch('/console/repositories/e2e/search/stream?pattern=' + encodeURIComponent(arguments[0])).then(async r => {" +
                "  const reader = r.body.getReader();" +
                "  for (;;) { const { value, done: end } = await reader.read(); if (end) break;" +
                "    if (first === null) first = performance.now() - started;" +
                "    lines += new TextDecoder().decode(value).split('\\n').length - 1; }" +
                "  done({ first: first, all: performance.now() - started, matches: lines, status: r.status });" +
                "}).catch(e => done({ first: -1, all: -1, matches: 0, status: String(e) }));",
                SearchPattern)!;
            warm.Sort();
            Console.WriteLine($"restic {version.Version}, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, load average {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + " " + b)}, Chromium headless");
            Console.WriteLine();
            Console.WriteLine("| console, 200k-file snapshot, folders of 1,000 files (a page of 200 rows shown) | measured | target |");
            Console.WriteLine("|---|---|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| first folder after start (key derivation and index load included) | {first:0} ms | ≤ 2,000 ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| each further folder, median of {warm.Count} | {Percentile(warm, 0.5):0} ms | – |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| each further folder, 95th percentile | **{Percentile(warm, 0.95):0} ms** | ≤ 300 ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| each further folder, slowest | {warm[^1]:0} ms | – |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `restic ls --json` of one such folder, whole process, median of {cli_.Count} | {EndToEndHarness.Median(cli_):0} ms | – |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| search `{SearchPattern}` across {snapshotCount} snapshots: first match | **{Convert.ToDouble(search["first"], CultureInfo.InvariantCulture):0} ms** | ≤ 1,000 ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the same search: all {search["matches"]} matches (capped at 1,000) | {Convert.ToDouble(search["all"], CultureInfo.InvariantCulture):0} ms | – |"));
            Console.WriteLine();
            Console.WriteLine($"rows in the last page: {rows}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"medians of the further folders: server {EndToEndHarness.Median(s_parts.Select(p => p.Server)):0} ms (request to first byte), transfer {EndToEndHarness.Median(s_parts.Select(p => p.Transfer)):0} ms, in the browser {EndToEndHarness.Median(s_parts.Select(p => p.Browser)):0} ms (parse, style, layout, load event); page {EndToEndHarness.Median(s_parts.Select(p => p.Bytes)) / 1024:0} KiB"));
            return rows > 0 ? 0 : 1;
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    // Navigates and returns the page's own navigation duration (navigation start to the end of the load event).
    private static double Open(ChromeDriver browser, string url)
    {
        browser.Navigate().GoToUrl(url);
        var heading = browser.FindElement(By.TagName("h1")).Text;
        if (!heading.StartsWith('/'))
        {
            throw new InvalidOperationException("The console did not show a folder: " + heading);
        }

        var timing = (IReadOnlyDictionary<string, object>)browser.ExecuteScript(
            "const n = performance.getEntriesByType('navigation')[0];" +
            "return { duration: n.duration, server: n.responseStart - n.requestStart, transfer: n.responseEnd - n.responseStart, browser: n.loadEventEnd - n.responseEnd, bytes: n.transferSize, parse: n.domInteractive - n.responseEnd, dcl: n.domContentLoadedEventEnd - n.domInteractive, load: n.loadEventStart - n.domContentLoadedEventEnd, before: n.requestStart - n.startTime };")!;
        if (Environment.GetEnvironmentVariable("RESTIC_NET_CONSOLE_TIMING") is not null)
        {
            Console.Error.WriteLine(string.Join(", ", timing.Select(kv => $"{kv.Key}={Convert.ToDouble(kv.Value, CultureInfo.InvariantCulture):0}")));
        }

        double Value(string name) => Convert.ToDouble(timing[name], CultureInfo.InvariantCulture);
        s_parts.Add((Value("server"), Value("transfer"), Value("browser"), Value("bytes")));
        return Value("duration");
    }

    private static async Task<double> ResticLsAsync(string restic, string repository, string cache, string snapshot, string folder)
    {
        var start = new ProcessStartInfo(restic) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "ls", "--json", snapshot, folder })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_REPOSITORY"] = repository;
        start.Environment["RESTIC_PASSWORD"] = EndToEndHarness.Password;
        start.Environment["RESTIC_CACHE_DIR"] = cache;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        _ = await output;
        return process.ExitCode == 0 ? watch.Elapsed.TotalMilliseconds : throw new InvalidOperationException("restic ls failed: " + await error);
    }

    private static Process StartServer(string root, string state, string restic, string repository, string passwordFile, int port)
    {
        var app = Path.Combine(root, "samples", "Restic.Net.Samples.WebApi", "bin", "Release", "net10.0", "Restic.Net.Samples.WebApi.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)! };
        string[] arguments =
        [
            app, "--urls", $"http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning",
            "--Restic:BinaryPath=" + restic,
            "--Restic:CacheDirectory=" + Path.Combine(state, "cache"),
            "--Restic:Repositories:e2e:Location=" + repository,
            "--Restic:Repositories:e2e:PasswordFile=" + passwordFile,
            "--State:ConnectionString=Data Source=" + Path.Combine(state, "state.db"),
            "--DataProtection:KeysDirectory=" + Path.Combine(state, "keys"),
            "--Authentication:ApiKeys:0:Name=bench",
            "--Authentication:ApiKeys:0:Sha256=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
            "--Authentication:ApiKeys:0:Roles:0=viewer",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine("server: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
        return process;
    }

    private static async Task WaitUntilAnswersAsync(Uri address, Process server)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("/console/sign-in");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not yet
            }

            if (server.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The web API sample did not start; build it first (dotnet build samples/Restic.Net.Samples.WebApi -c Release).");
    }

    private static ChromeDriver StartBrowser(string tools)
    {
        var binaries = Path.Combine(tools, "chromium", "usr", "lib", "chromium");
        var libraries = Path.Combine(tools, "chromium", "usr", "lib", "x86_64-linux-gnu");
        Environment.SetEnvironmentVariable("LD_LIBRARY_PATH", $"{libraries}:{Path.Combine(libraries, "pulseaudio")}");
        var service = ChromeDriverService.CreateDefaultService(binaries, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Path.Combine(binaries, "chromium") };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Restic.Net.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Restic.Net.sln not found above " + AppContext.BaseDirectory);
    }
}
