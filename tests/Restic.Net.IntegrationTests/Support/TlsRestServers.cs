namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// Two REST servers over HTTPS with one self-signed server certificate made for the test: restic's rest-server
/// (<c>--tls</c>; it cannot verify client certificates) and <c>rclone serve restic</c> requiring a client certificate
/// (<c>--client-ca</c>, mutual TLS). Shared by a test class (<see cref="IClassFixture{T}"/>).
/// </summary>
public sealed class TlsRestServers : IAsyncLifetime
{
    private readonly TempDirectory _root = new("restic-net-tls-");
    private ServerProcess? _restServer;
    private ServerProcess? _rclone;

    /// <summary>The servers' self-signed certificate, to trust with <c>--cacert</c>.</summary>
    public string ServerCertificate { get; private set; } = string.Empty;

    /// <summary>Client certificate and key in one PEM file, the one the rclone server accepts (<c>--tls-client-cert</c>).</summary>
    public string ClientCertificate { get; private set; } = string.Empty;

    public int RestServerPort { get; private set; }

    public int RclonePort { get; private set; }

    /// <summary>A repository on rest-server over HTTPS, without any TLS setting.</summary>
    public RestRepository RestServerRepository(string name) => new(new Uri($"https://127.0.0.1:{RestServerPort}/{name}/"));

    /// <summary>A repository on the rclone server that requires a client certificate, trusting the server's certificate.</summary>
    public RestRepository MutualTlsRepository(string name) =>
        new(new Uri($"https://127.0.0.1:{RclonePort}/{name}/")) { CaCertificateFiles = [ServerCertificate] };

    public async Task InitializeAsync()
    {
        var server = await TestCertificate.CreateServerAsync(_root.Path);
        var client = await TestCertificate.CreateClientAsync(_root.Path);
        ServerCertificate = server.CertificateFile;
        ClientCertificate = client.CombinedFile;

        RestServerPort = ServerProcess.FreePort();
        _restServer = await ServerProcess.StartAsync(
            RestServer.Binary,
            ["--path", Directory.CreateDirectory(_root.Combine("rest-server")).FullName, "--listen", $"127.0.0.1:{RestServerPort}", "--no-auth",
             "--tls", "--tls-cert", server.CertificateFile, "--tls-key", server.KeyFile],
            null,
            ServerProcess.TcpAccepts(RestServerPort));

        RclonePort = ServerProcess.FreePort();
        _rclone = await ServerProcess.StartAsync(
            RcloneServer.Binary,
            ["serve", "restic", "--config", "/dev/null", "--addr", $"127.0.0.1:{RclonePort}",
             "--cert", server.CertificateFile, "--key", server.KeyFile, "--client-ca", client.CertificateFile, Directory.CreateDirectory(_root.Combine("rclone")).FullName],
            null,
            ServerProcess.TcpAccepts(RclonePort));
    }

    public async Task DisposeAsync()
    {
        if (_restServer is not null)
        {
            await _restServer.DisposeAsync();
        }

        if (_rclone is not null)
        {
            await _rclone.DisposeAsync();
        }

        _root.Dispose();
    }
}
