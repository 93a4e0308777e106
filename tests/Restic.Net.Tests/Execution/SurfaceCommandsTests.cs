using Restic.Net.Execution;

namespace Restic.Net.Tests.Execution;

/// <summary>Golden argv tests of the commands beyond the core set.</summary>
public class SurfaceCommandsTests
{
    private static readonly ResticCapabilities s_v018 = new(new Version(0, 18, 0));

    private static string[] Argv(ResticCommand command, ResticCapabilities? capabilities = null)
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/repo"), Password = ResticPassword.FromValue("pw"), LockWaitTimeout = TimeSpan.FromMinutes(1) };
        return command.ToArguments(new ResticSettings(options), capabilities ?? s_v018).ToArray();
    }

    [Fact]
    public void ListLocks_TakesNoLockAndDoesNotWaitForOne()
    {
        Assert.Equal(["list", "locks", "--json", "--no-lock"], Argv(ResticCommands.ListLockIds()));
    }

    [Fact]
    public void CatLock_PutsTheIdAfterDoubleDash()
    {
        Assert.Equal(["cat", "lock", "--json", "--no-lock", "--", "abc"], Argv(ResticCommands.CatLock("abc")));
    }
}
