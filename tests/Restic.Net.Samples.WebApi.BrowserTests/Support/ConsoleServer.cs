using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Restic.Net.Extensions.DependencyInjection.Tests;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests.Support;

/// <summary>
/// The web API sample's built DLL as a real process on 127.0.0.1 with a free port, as the README starts it: a viewer,
/// an operator and an admin key, repositories registered with a password file, the state in a folder of its
/// own. Disposing stops it with SIGTERM.
/// </summary>
internal sealed class ConsoleServer : IAsyncDisposable
{
    public const string ViewerKey = "browser-viewer-key-3a91";
    public const string OperatorKey = "browser-operator-key-77c2";
    public const string AdminKey = "browser-admin-key-b41e";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private ConsoleServer(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ConsoleServer> StartAsync(string root, IReadOnlyList<(string Name, string Location)> repositories, string passwordFile)
    {
        var port = ServerProcess.FreePort();
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!); // bin/<Configuration>/net10.0
        var app = Path.Combine(SourceCheckout.Root, "samples", "Restic.Net.Samples.WebApi", "bin", configuration, "net10.0", "Restic.Net.Samples.WebApi.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)! };
        Directory.CreateDirectory(Path.Combine(root, "state"));
        string[] arguments =
        [
            app, "--urls", $"http://127.0.0.1:{port}",
            "--Restic:BinaryPath=" + TestRestic.BinaryPath,
            "--Restic:CacheDirectory=" + Path.Combine(root, "state", "cache"),
            "--Restic:AllowedRoots:0=" + Path.Combine(root, "files"),
            .. repositories.SelectMany(r => new[] { $"--Restic:Repositories:{r.Name}:Location={r.Location}", $"--Restic:Repositories:{r.Name}:PasswordFile={passwordFile}" }),
            "--State:ConnectionString=Data Source=" + Path.Combine(root, "state", "state.db"),
            "--DataProtection:KeysDirectory=" + Path.Combine(root, "state", "keys"),
            .. Key(0, "ann-viewer", ViewerKey, "viewer"),
            .. Key(1, "olaf-operator", OperatorKey, "operator"),
            .. Key(2, "ada-admin", AdminKey, "admin"),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/console/sign-in");
                if (response.IsSuccessStatusCode)
                {
                    return new ConsoleServer(process, output, address);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The console did not start: " + output);
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string[] Key(int index, string name, string key, string role) =>
    [
        $"--Authentication:ApiKeys:{index}:Name={name}",
        $"--Authentication:ApiKeys:{index}:Sha256={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}",
        $"--Authentication:ApiKeys:{index}:Roles:0={role}",
    ];
}
