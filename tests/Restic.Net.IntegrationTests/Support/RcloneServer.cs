namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// <c>rclone serve restic</c> from .tools/rclone on a free 127.0.0.1 port, with HTTP basic authentication.
/// Shared by a test class (<see cref="IClassFixture{T}"/>).
/// </summary>
public sealed class RcloneServer : IAsyncLifetime
{
    public const string User = "rclone-user";
    public const string Password = "Rclone-Pa55-never-in-argv";
    private readonly TempDirectory _root = new("restic-net-rclone-");
    private ServerProcess? _process;

    public static string Binary { get; } = Path.Combine(Tools.Folder, "rclone", "usr", "bin", "rclone");

    public int Port { get; private set; }

    public RestRepository Repository(string name, string password = Password) =>
        new(new Uri($"http://127.0.0.1:{Port}/{name}/")) { UserName = User, Password = password };

    public async Task InitializeAsync()
    {
        Port = ServerProcess.FreePort();
        _process = await ServerProcess.StartAsync(
            Binary,
            ["serve", "restic", "--config", "/dev/null", "--addr", $"127.0.0.1:{Port}", "--user", User, "--pass", Password, _root.Path],
            null,
            ServerProcess.HttpAnswers(Port));
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
