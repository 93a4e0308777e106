namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// The moto S3 server from .tools/moto, run by the system's /usr/bin/python3 on a free 127.0.0.1 port (starts in ~1.4 s;
/// storage in memory). moto accepts any credentials. Shared by a test class (<see cref="IClassFixture{T}"/>).
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private ServerProcess? _process;

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public S3Repository Repository(string bucket, string? prefix = null) =>
        new(Endpoint, bucket) { Prefix = prefix, AccessKeyId = "moto-access-key", SecretAccessKey = "moto-secret-key-never-in-argv", Region = "us-east-1" };

    public async Task InitializeAsync()
    {
        Port = ServerProcess.FreePort();
        _process = await StartAsync(Port);
    }

    /// <summary>Starts moto on the port and waits until it answers HTTP.</summary>
    internal static Task<ServerProcess> StartAsync(int port)
    {
        var environment = new Dictionary<string, string> { ["PYTHONPATH"] = Path.Combine(Tools.Folder, "moto", "usr", "lib", "python3", "dist-packages") };
        return ServerProcess.StartAsync(
            "/usr/bin/python3", ["-W", "ignore", "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            environment, ServerProcess.HttpAnswers(port));
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
