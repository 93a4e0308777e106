using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The typed <see cref="S3Repository"/> over HTTPS (s3rver with a self-signed certificate): the TLS settings reach restic as global flags.</summary>
[Collection(BackendCollection.Name)]
public sealed class S3TlsBackendTests(S3rverServer server) : IClassFixture<S3rverServer>
{
    [Fact(Timeout = 180000)]
    public async Task Lifecycle_HttpsWithCaCertificate_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(server.Repository("tls-bucket"));
    }

    [Fact(Timeout = 120000)]
    public async Task UntrustedCertificate_ThrowsCertificateErrorWithinBound()
    {
        var ex = await BackendLifecycle.AssertFailsWithinBoundAsync(server.Repository("untrusted") with { CaCertificateFiles = null });

        // restic 0.14 reports the certificate error at once; 0.18 would retry it for minutes, the client stops it at its first retry notice.
        Assert.IsType<ResticBackendCertificateException>(ex);
        Assert.Contains("x509: certificate signed by unknown authority", ex.ResticMessage, StringComparison.Ordinal);
        await BackendLifecycle.AssertEndedAsRestic018RetriesAsync(ex);
    }
}
