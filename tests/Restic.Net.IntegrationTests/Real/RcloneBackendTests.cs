using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The typed <see cref="RcloneRepository"/>: restic starts rclone itself; the remote is defined only by RCLONE_CONFIG_* variables.</summary>
[Collection(BackendCollection.Name)]
public sealed class RcloneBackendTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private RcloneRepository Repository(string program) => new("testlocal", _root.Combine("rclone-repo"))
    {
        Program = program,
        Environment = new Dictionary<string, string> { ["RCLONE_CONFIG"] = "/dev/null", ["RCLONE_CONFIG_TESTLOCAL_TYPE"] = "local" },
    };

    [Fact(Timeout = 180000)]
    public async Task Lifecycle_RemoteFromEnvironment_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(Repository(RcloneServer.Binary));
    }

    [Fact(Timeout = 120000)]
    public async Task ProgramMissing_ThrowsTypedErrorWithinBound()
    {
        var ex = await BackendLifecycle.AssertFailsWithinBoundAsync(Repository(_root.Combine("no-such-rclone")));

        Assert.IsNotType<ResticTimeoutException>(ex);
        Assert.Contains("no-such-rclone", ex.ResticMessage, StringComparison.Ordinal);
    }
}
