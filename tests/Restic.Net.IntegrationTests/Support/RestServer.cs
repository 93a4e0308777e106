using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// restic's REST server on 127.0.0.1, provisioned by eng/provision-servers.sh into .tools/rest-server.
/// Started by the test, waited for until it answers HTTP, killed by its pid; can be stopped and restarted on the same port.
/// </summary>
internal sealed class RestServer : IAsyncDisposable
{
    private readonly string _dataPath;
    private readonly string? _htpasswd;
    private readonly bool _appendOnly;
    private System.Diagnostics.Process? _process;

    private RestServer(string dataPath, string? htpasswd, int port, bool appendOnly)
    {
        _dataPath = dataPath;
        _htpasswd = htpasswd;
        _appendOnly = appendOnly;
        Port = port;
    }

    public int Port { get; }

    public static string Binary { get; } = Path.Combine(Tools.Folder, "rest-server", "usr", "bin", "restic-rest-server");

    /// <summary>
    /// Starts a server; with a user, it requires HTTP basic authentication ({SHA} htpasswd entry); append-only,
    /// it refuses to delete anything but locks (403).
    /// </summary>
    public static async Task<RestServer> StartAsync(string folder, string? user = null, string? password = null, bool appendOnly = false)
    {
        string? htpasswd = null;
        if (user is not null && password is not null)
        {
            htpasswd = Path.Combine(folder, "htpasswd");
#pragma warning disable CA5350 // The {SHA} htpasswd format of rest-server is SHA-1 by definition; test credentials only.
            var sha = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
            await File.WriteAllTextAsync(htpasswd, $"{user}:{{SHA}}{sha}\n");
        }

        var server = new RestServer(Directory.CreateDirectory(Path.Combine(folder, "rest-data")).FullName, htpasswd, FreePort(), appendOnly);
        await server.StartAsync();
        return server;
    }

    public string Url(string repository, string? user = null, string? password = null) =>
        user is null ? $"rest:http://127.0.0.1:{Port}/{repository}" : $"rest:http://{user}:{password}@127.0.0.1:{Port}/{repository}";

    public async Task StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: run eng/provision-servers.sh (build.sh test does).");
        }

        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--path", _dataPath, "--listen", $"127.0.0.1:{Port}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (_appendOnly)
        {
            start.ArgumentList.Add("--append-only");
        }

        if (_htpasswd is null)
        {
            start.ArgumentList.Add("--no-auth");
        }
        else
        {
            start.ArgumentList.Add("--htpasswd-file");
            start.ArgumentList.Add(_htpasswd);
        }

        _process = System.Diagnostics.Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/"));
                return; // Any HTTP answer (also 401/404) means it is up.
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(20);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
        }
    }

    /// <summary>Freezes the server (SIGSTOP): connections are accepted by the kernel but never answered, as by a hung server.</summary>
    public void Pause() => Signal("-STOP");

    /// <summary>Lets a paused server go on (SIGCONT).</summary>
    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [signal, _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
