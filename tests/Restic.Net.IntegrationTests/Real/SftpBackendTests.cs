using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The typed <see cref="SftpRepository"/> against OpenSSH's sshd; its rendered <c>sftp.command</c> works on restic 0.14 too.</summary>
[Collection(BackendCollection.Name)]
public sealed class SftpBackendTests(SftpServer server) : IClassFixture<SftpServer>
{
    [Fact(Timeout = 180000)]
    public async Task Lifecycle_KeyAuthentication_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(server.Repository("lifecycle"));
    }

    [Fact(Timeout = 180000)]
    public async Task Lifecycle_ParsedUrlWithPort_WorksWithTheKeyAddedAsSshArguments()
    {
        var parsed = Assert.IsType<SftpRepository>(ResticRepository.Parse($"sftp://{server.User}@127.0.0.1:{server.Port}/{server.DataFolder}/parsed"));
        Assert.Equal(server.Port, parsed.Port);
        await BackendLifecycle.RunAsync(parsed with
        {
            IdentityFile = server.IdentityFile,
            HostKeyChecking = SftpHostKeyChecking.Off,
            SshArguments = ["-oLogLevel=ERROR"],
        });
    }

    [Fact(Timeout = 120000)]
    public async Task KeyNotAccepted_ThrowsTypedErrorWithinBound()
    {
        var ex = await BackendLifecycle.AssertFailsWithinBoundAsync(server.Repository("wrong-key", identityFile: server.WrongIdentityFile));

        Assert.IsNotType<ResticTimeoutException>(ex);
    }

    [Fact(Timeout = 120000)]
    public async Task ServerDown_ThrowsTypedErrorWithinBound()
    {
        // ssh's own reason ("Connection refused") reaches the client only if restic forwards ssh's stderr
        // ("subprocess ssh: ...") before it exits: a race inside restic, lost about once in six runs (seen on
        // 0.19.1). Without it, restic says only "unable to start the sftp session", which a refused key says
        // too, so the client cannot call the backend unreachable. Each run must fail fast and typed; one of
        // three must carry ssh's reason.
        var repository = server.Repository("down", port: ServerProcess.FreePort());
        for (var attempt = 1; ; attempt++)
        {
            using var root = new TempDirectory();
            var client = new ResticClient(BackendLifecycle.Options(repository, root));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}: {ex.Message}");
            if (ex is ResticBackendUnreachableException)
            {
                return;
            }

            Assert.IsType<ResticCommandException>(ex);
            Assert.Contains("unable to start the sftp session", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("subprocess ssh:", ex.StandardError, StringComparison.Ordinal);
            Assert.True(attempt < 3, "three runs without ssh's reason: " + ex.Message);
        }
    }
}
