namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// OpenSSH's sshd from .tools/openssh, unprivileged on a free 127.0.0.1 port with key authentication only.
/// An unprivileged sshd can only log in the user it runs as: the current user, or nobody (uid 65534) when the tests run as root.
/// Shared by a test class (<see cref="IClassFixture{T}"/>).
/// </summary>
public sealed class SftpServer : IAsyncLifetime
{
    private const int NobodyId = 65534;
    private readonly TempDirectory _serverRoot = new("restic-net-sshd-");
    private readonly TempDirectory _clientRoot = new("restic-net-ssh-client-");
    private ServerProcess? _process;

    public int Port { get; private set; }

    /// <summary>The login user: the one sshd runs as.</summary>
    public string User { get; private set; } = null!;

    /// <summary>The client's private key, accepted by the server.</summary>
    public string IdentityFile => _clientRoot.Combine("client_key");

    /// <summary>A key the server does not accept.</summary>
    public string WrongIdentityFile => _clientRoot.Combine("wrong_key");

    /// <summary>The server's public host key (<c>ssh-ed25519 AAAA...</c>), for a known-hosts file.</summary>
    public string HostPublicKey => File.ReadAllText(_serverRoot.Combine("host_key.pub")).Trim();

    /// <summary>A folder the server's user can write: repositories go below it.</summary>
    public string DataFolder => _serverRoot.Combine("data");

    public SftpRepository Repository(string name, int? port = null, string? identityFile = null) =>
        new(ServerHost, Path.Combine(DataFolder, name))
        {
            UserName = User,
            Port = port ?? Port,
            IdentityFile = identityFile ?? IdentityFile,
            HostKeyChecking = SftpHostKeyChecking.Off,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            SshArguments = ["-oLogLevel=ERROR"],
        };

    public const string ServerHost = "127.0.0.1";

    public async Task InitializeAsync()
    {
        var openssh = Path.Combine(Tools.Folder, "openssh");
        var asRoot = Environment.UserName == "root";
        User = asRoot ? "nobody" : Environment.UserName;
        Directory.CreateDirectory(DataFolder);
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", _serverRoot.Combine("host_key"));
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", IdentityFile);
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", WrongIdentityFile);
        File.Copy(IdentityFile + ".pub", _serverRoot.Combine("authorized_keys"));
        Port = ServerProcess.FreePort();
        var config = _serverRoot.Combine("sshd_config");
        await File.WriteAllTextAsync(config, $"""
            ListenAddress 127.0.0.1
            HostKey {_serverRoot.Combine("host_key")}
            PidFile {_serverRoot.Combine("sshd.pid")}
            AuthorizedKeysFile {_serverRoot.Combine("authorized_keys")}
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM yes
            Subsystem sftp internal-sftp

            """);
        if (asRoot)
        {
            await RunAsync("chown", "-R", $"{NobodyId}:{NobodyId}", _serverRoot.Path);
        }

        var sshd = Path.Combine(openssh, "usr", "sbin", "sshd");
        string[] sshdArguments = ["-D", "-e", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", config];
        var environment = new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = Path.Combine(openssh, "usr", "lib", "x86_64-linux-gnu") };
        _process = asRoot
            ? await ServerProcess.StartAsync("/usr/bin/setpriv", [$"--reuid={NobodyId}", $"--regid={NobodyId}", "--clear-groups", sshd, .. sshdArguments], environment, ServerProcess.TcpAccepts(Port))
            : await ServerProcess.StartAsync(sshd, sshdArguments, environment, ServerProcess.TcpAccepts(Port));
    }

    /// <summary>Gives files the test wrote below <see cref="DataFolder"/> to the server's user, who must read them (as root: nobody).</summary>
    public void HandOver(string folder)
    {
        if (User == "nobody")
        {
            using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{NobodyId}:{NobodyId}", folder])!;
            chown.WaitForExit();
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"chown -R {folder} failed.");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _serverRoot.Dispose();
        _clientRoot.Dispose();
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {stderr}");
        }
    }
}
