using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The typed <see cref="RestRepository"/> against restic's rest-server, without and with HTTP authentication.</summary>
[Collection(BackendCollection.Name)]
public sealed class RestBackendTests : IAsyncLifetime
{
    private const string User = "rest-user";
    private const string Password = "Rest:Pa55@word/never-in-argv";
    private readonly TempDirectory _root = new();
    private RestServer _open = null!;
    private RestServer _authenticated = null!;

    public async Task InitializeAsync()
    {
        _open = await RestServer.StartAsync(Directory.CreateDirectory(_root.Combine("open")).FullName);
        _authenticated = await RestServer.StartAsync(Directory.CreateDirectory(_root.Combine("auth")).FullName, User, Password);
    }

    public async Task DisposeAsync()
    {
        await _open.DisposeAsync();
        await _authenticated.DisposeAsync();
        _root.Dispose();
    }

    [Fact(Timeout = 180000)]
    public async Task Lifecycle_NoAuthentication_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(new RestRepository(new Uri($"http://127.0.0.1:{_open.Port}/typed/")));
    }

    [Fact(Timeout = 180000)]
    public async Task Lifecycle_HtpasswdUserWithSpecialCharactersInThePassword_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(new RestRepository(new Uri($"http://127.0.0.1:{_authenticated.Port}/typed-auth/")) { UserName = User, Password = Password });
    }

    [Fact(Timeout = 120000)]
    public async Task WrongPassword_ThrowsTypedErrorWithinBound_WithoutTheSecrets()
    {
        var repository = new RestRepository(new Uri($"http://127.0.0.1:{_authenticated.Port}/wrong/")) { UserName = User, Password = "Wrong-Rest-Password" };

        var ex = await BackendLifecycle.AssertFailsWithinBoundAsync(repository, "Wrong-Rest-Password", Password);

        Assert.IsType<ResticBackendAccessDeniedException>(ex);
        Assert.Contains("401", ex.ResticMessage, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact(Timeout = 120000)]
    public async Task ServerDown_ThrowsTypedErrorWithinBound()
    {
        var repository = new RestRepository(new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}/down/"));

        // restic 0.14 gives up at once ("unable to open config file"); later versions would retry for 15 minutes.
        var ex = await BackendLifecycle.AssertUnreachableAsync(repository);

        Assert.Contains("connection refused", ex.ResticMessage, StringComparison.Ordinal);
    }
}
