using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// moto's S3 server (from .tools/moto, run by /usr/bin/python3 on a free 127.0.0.1 port, storage in memory) holding a
/// copy of one snapshot of the end-to-end repository (<c>restic copy</c>), for <see cref="WholeProcessHarness"/>'s S3 row.
/// Stopped on disposal.
/// </summary>
internal sealed class MotoBucket : IAsyncDisposable
{
    private readonly Process _server;

    private MotoBucket(Process server, Dictionary<string, string> environment)
    {
        _server = server;
        Environment = environment;
    }

    /// <summary>The copy's snapshot id (restic copy gives the copy an id of its own).</summary>
    public string SnapshotId { get; private set; } = string.Empty;

    /// <summary>restic's variables for the bucket: repository, keys, region, password and a cache of its own.</summary>
    public Dictionary<string, string> Environment { get; }

    public static async Task<MotoBucket> StartAsync(string work, string restic, Dictionary<string, string> local, string snapshot)
    {
        var tools = Path.Combine(Directory.GetCurrentDirectory(), ".tools", "moto", "usr", "lib", "python3", "dist-packages");
        if (!Directory.Exists(tools))
        {
            throw new InvalidOperationException($"moto is not provisioned ({tools}): run eng/provision-servers.sh");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-W", "ignore", "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = tools;
        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                break;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }

        var environment = new Dictionary<string, string>
        {
            ["RESTIC_REPOSITORY"] = $"s3:http://127.0.0.1:{port}/whole-process",
            ["RESTIC_PASSWORD"] = local["RESTIC_PASSWORD"],
            ["RESTIC_CACHE_DIR"] = Path.Combine(work, "cache-s3"),
            ["AWS_ACCESS_KEY_ID"] = "moto-access-key",
            ["AWS_SECRET_ACCESS_KEY"] = "moto-secret-key",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
        };
        var bucket = new MotoBucket(server, environment);
        try
        {
            Console.WriteLine($"Copying snapshot {snapshot[..8]} into moto on port {port} ...");
            var copy = new Dictionary<string, string>(environment)
            {
                ["RESTIC_FROM_REPOSITORY"] = local["RESTIC_REPOSITORY"],
                ["RESTIC_FROM_PASSWORD"] = local["RESTIC_PASSWORD"],
            };
            Run(restic, copy, "init", "--copy-chunker-params");
            Run(restic, copy, "copy", snapshot);
            using var snapshots = System.Text.Json.JsonDocument.Parse(Run(restic, environment, "snapshots", "--json"));
            bucket.SnapshotId = snapshots.RootElement[0].GetProperty("id").GetString()!;
            return bucket;
        }
        catch
        {
            await bucket.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
    }

    private static string Run(string restic, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(restic) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"restic {string.Join(' ', arguments)} failed ({process.ExitCode}).");
    }
}
