namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The reader over HTTPS to an S3 server with a self-signed certificate (s3rver): trusted through
/// <c>CaCertificateFiles</c> or <c>InsecureTls</c>, refused without either. The repository is written by the restic
/// under test over the same connection.
/// </summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class S3TlsTests(S3rverServer server) : IClassFixture<S3rverServer>, IDisposable
{
    private readonly TempDirectory _folder = new("restic-net-native-s3-tls-");

    [Fact]
    public async Task A_trusted_CA_or_InsecureTls_reads_what_restic_wrote_and_an_untrusted_certificate_is_typed()
    {
        var trusted = server.Repository("native-tls") with { Prefix = "repo" };
        var source = _folder.Combine("src");
        SourceTree.WriteSmallFiles(source, count: 20);
        var options = TestRestic.Options(_folder.Combine("repo-unused"), _folder.Combine("cache"));
        options.Repository = trusted;
        var client = new ResticClient(options);
        await client.InitAsync();
        await client.BackupAsync([source]);
        var snapshots = await client.GetSnapshotsAsync();

        await using (var reader = await ResticRepositoryReader.OpenAsync(trusted, Password))
        {
            Assert.Equal(snapshots, await reader.GetSnapshotsAsync());
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

        await using (var insecure = await ResticRepositoryReader.OpenAsync(trusted with { CaCertificateFiles = null, InsecureTls = true }, Password))
        {
            Assert.Equal(snapshots, await insecure.GetSnapshotsAsync());
        }

        var error = await Assert.ThrowsAsync<ResticBackendCertificateException>(() => ResticRepositoryReader.OpenAsync(trusted with { CaCertificateFiles = null }, Password));
        Assert.Contains("CaCertificateFiles", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(trusted.SecretAccessKey!, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static ResticPassword Password => ResticPassword.FromValue(TestRestic.Password);
}
