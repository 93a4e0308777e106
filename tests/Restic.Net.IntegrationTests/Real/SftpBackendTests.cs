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
        await BackendLifecycle.AssertUnreachableAsync(server.Repository("down", port: ServerProcess.FreePort()));
    }
}
