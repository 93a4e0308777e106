using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The typed <see cref="RestRepository"/> against <c>rclone serve restic</c> with HTTP authentication.</summary>
[Collection(BackendCollection.Name)]
public sealed class RcloneServeBackendTests(RcloneServer server) : IClassFixture<RcloneServer>
{
    [Fact(Timeout = 180000)]
    public async Task Lifecycle_AuthenticatedUser_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(server.Repository("lifecycle"));
    }

    [Fact(Timeout = 120000)]
    public async Task WrongPassword_ThrowsTypedErrorWithinBound_WithoutTheSecrets()
    {
        var ex = await BackendLifecycle.AssertFailsWithinBoundAsync(server.Repository("wrong", "Wrong-Rclone-Password"), "Wrong-Rclone-Password", RcloneServer.Password);

        Assert.IsType<ResticBackendAccessDeniedException>(ex);
        Assert.Contains("401", ex.ResticMessage, StringComparison.Ordinal);
    }
}
