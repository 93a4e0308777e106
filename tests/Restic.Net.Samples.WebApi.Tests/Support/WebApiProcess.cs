using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Restic.Net.Extensions.DependencyInjection.Tests;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests.Support;

/// <summary>
/// The web API sample's built DLL as a real process on 127.0.0.1 with a free port, as the README starts it (the
/// Kestrel tests and the browser tests share it). It is ready once <c>readyPath</c> answers; disposing stops it with
/// SIGTERM, as a service manager would, and kills it if it has not stopped within 30 seconds.
/// </summary>
internal sealed class WebApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private WebApiProcess(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
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

    /// <summary>Starts the app with <paramref name="arguments"/> (configuration as command-line arguments) and waits (60 s at most) until it answers.</summary>
    public static async Task<WebApiProcess> StartAsync(IEnumerable<string> arguments, string readyPath)
    {
        var port = ServerProcess.FreePort();
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!); // bin/<Configuration>/net10.0
        var app = Path.Combine(SourceCheckout.Root, "samples", "Restic.Net.Samples.WebApi", "bin", configuration, "net10.0", "Restic.Net.Samples.WebApi.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)! };
        foreach (var argument in new[] { app, "--urls", $"http://127.0.0.1:{port}", "--Restic:BinaryPath=" + TestRestic.BinaryPath }.Concat(arguments))
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

        var running = new WebApiProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = running.Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(readyPath);
                if ((int)response.StatusCode < 500)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await running.DisposeAsync();
                throw new InvalidOperationException("The web API did not start: " + running.Output);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The configuration arguments of one API key: its name, the SHA-256 of the key, one role.</summary>
    public static string[] ApiKey(int index, string name, string key, string role) =>
    [
        $"--Authentication:ApiKeys:{index}:Name={name}",
        $"--Authentication:ApiKeys:{index}:Sha256={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}",
        $"--Authentication:ApiKeys:{index}:Roles:0={role}",
    ];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
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
        }

        _process.Dispose();
    }
}
