namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The reader over HTTPS with a self-signed certificate: rest-server trusted through <c>CaCertificateFiles</c> or
/// <c>InsecureTls</c>, refused without either; <c>rclone serve restic</c> that requires a client certificate.
/// The repositories are written by the restic under test over the same connections.
/// </summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class RestTlsTests(TlsRestServers servers) : IClassFixture<TlsRestServers>, IDisposable
{
    private readonly TempDirectory _folder = new("restic-net-native-tls-");

    [Fact]
    public async Task A_trusted_CA_or_InsecureTls_reads_what_restic_wrote_and_an_untrusted_certificate_is_typed()
    {
        var trusted = servers.RestServerRepository("native") with { CaCertificateFiles = [servers.ServerCertificate] };
        var snapshots = await WriteAsync(trusted);

        await using (var reader = await ResticRepositoryReader.OpenAsync(trusted, Password))
        {
            Assert.Equal(snapshots, await reader.GetSnapshotsAsync());
            await AssertFilesAsync(reader);
        }

        await using (var insecure = await ResticRepositoryReader.OpenAsync(trusted with { CaCertificateFiles = null, InsecureTls = true }, Password))
        {
            Assert.Equal(snapshots, await insecure.GetSnapshotsAsync());
        }

        var error = await Assert.ThrowsAsync<ResticBackendCertificateException>(() => ResticRepositoryReader.OpenAsync(servers.RestServerRepository("native"), Password));
        Assert.Contains("CaCertificateFiles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_certificate_opens_a_server_that_requires_one()
    {
        var repository = servers.MutualTlsRepository("native-mtls") with { ClientCertificateFile = servers.ClientCertificate };
        var snapshots = await WriteAsync(repository);
        await using var reader = await ResticRepositoryReader.OpenAsync(repository, Password);
        Assert.Equal(snapshots, await reader.GetSnapshotsAsync());
        await AssertFilesAsync(reader);
    }

    public void Dispose() => _folder.Dispose();

    private static ResticPassword Password => ResticPassword.FromValue(TestRestic.Password);

    private async Task<IReadOnlyList<Snapshot>> WriteAsync(RestRepository repository)
    {
        var source = _folder.Combine(Guid.NewGuid().ToString("N")[..8]);
        SourceTree.WriteSmallFiles(source, count: 20);
        var options = TestRestic.Options(_folder.Combine("repo-unused"), _folder.Combine("cache"));
        options.Repository = repository;
        var client = new ResticClient(options);
        await client.InitAsync();
        await client.BackupAsync([source]);
        return await client.GetSnapshotsAsync();
    }

    private static async Task AssertFilesAsync(ResticRepositoryReader reader)
    {
        var files = 0;
        await foreach (var node in reader.GetNodesAsync(SnapshotReference.Latest))
        {
            if (node.Type == NodeType.File)
            {
                await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, node.Path);
                Support.Bytes.AssertEqual(await File.ReadAllBytesAsync(node.Path), await Support.Bytes.ReadAllAsync(stream), node.Path);
                files++;
            }
        }

        Assert.Equal(20, files);
    }
}
