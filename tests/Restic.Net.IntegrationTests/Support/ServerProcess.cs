using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>A storage server started by a test on 127.0.0.1: waited for until it answers, killed by its pid.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(System.Diagnostics.Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the program; <paramref name="ready"/> is polled until it returns true (15 s at most).</summary>
    public static async Task<ServerProcess> StartAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, Func<Task<bool>> ready)
    {
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"{program} is missing: run eng/provision-servers.sh (build.sh test does).");
        }

        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var server = new ServerProcess(System.Diagnostics.Process.Start(start)!);
        server._process.OutputDataReceived += (_, e) => server.Add(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Add(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await ready())
        {
            if (server._process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = server.Output;
                await server.DisposeAsync();
                throw new InvalidOperationException($"{Path.GetFileName(program)} did not start: {output}");
            }

            await Task.Delay(20);
        }

        return server;
    }

    public static Func<Task<bool>> HttpAnswers(int port) => async () =>
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
            return true; // Any HTTP answer (also 401/404) means it is up.
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    };

    public static Func<Task<bool>> TcpAccepts(int port) => async () =>
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
