using System.Globalization;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// The s3rver S3 server (npm, .tools/s3rver) over HTTPS with a self-signed certificate for 127.0.0.1, on a free port.
/// Over plain http it would corrupt restic's aws-chunked uploads. Shared by a test class (<see cref="IClassFixture{T}"/>).
/// </summary>
public sealed class S3rverServer : IAsyncLifetime
{
    private readonly TempDirectory _root = new("restic-net-s3rver-");
    private ServerProcess? _process;

    public int Port { get; private set; }

    /// <summary>The server's self-signed certificate (PEM), to trust with <c>--cacert</c>.</summary>
    public string Certificate { get; private set; } = string.Empty;

    public S3Repository Repository(string bucket) =>
        new($"https://127.0.0.1:{Port}", bucket) { AccessKeyId = "S3RVER", SecretAccessKey = "S3RVER", CaCertificateFiles = [Certificate] };

    public async Task InitializeAsync()
    {
        var certificate = await TestCertificate.CreateServerAsync(_root.Path);
        Certificate = certificate.CertificateFile;
        Port = ServerProcess.FreePort();
        _process = await ServerProcess.StartAsync(
            Path.Combine(Tools.Folder, "s3rver", "node_modules", ".bin", "s3rver"),
            ["-d", Directory.CreateDirectory(_root.Combine("data")).FullName, "-a", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "--silent", "--key", certificate.KeyFile, "--cert", certificate.CertificateFile],
            null,
            ServerProcess.TcpAccepts(Port));
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _root.Dispose();
    }
}
